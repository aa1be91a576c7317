# operations.sh - one function per operation flow.sh drives through wsl. Each runs wsl, checks what wsl
# returned, and reports. Sourced by flow.sh after lib.sh.

# Identify: wsl id check.
op_identify() {
  call identify wsl id check
  local r; r=$(last)
  local vendor; vendor=$(value "$r" "$(el ProductVendor)")
  if [ "$rc" -eq 0 ] && [ -n "$vendor" ]; then
    report identify ok "ProtocolVersion=$(value "$r" "$(el ProtocolVersion)") ProductVendor=$vendor ProductVersion=$(value "$r" "$(el ProductVersion)")"
  else
    failed identify "no IdentifyResponse"
  fi
}

# Get of the service by its four keys: OPERATION CLASS [SELECTOR...] (wsl maps CIM_* to the DMTF URI).
op_get_service() {
  call "$1" wsl get "$2" "${@:3}" "${SERVICE_KEYS[@]}"
  local r; r=$(last)
  local name; name=$(value "$r" "$(el Body)/*/*[local-name()='Name']")
  if [ "$rc" -eq 0 ] && [ "$name" = poolcfgsvc ]; then
    report "$1" ok "Namespace=$(value "$r" "namespace-uri($(el Body)/*)") Name=$name SystemName=$(value "$r" "$(el SystemName)") EnabledState=$(value "$r" "$(el EnabledState)")"
  else
    failed "$1" "no service in the reply"
  fi
}

# An enumeration, checked by the number of items over all replies: OPERATION ITEM-XPATH wsl|wslenum ARGS...
op_enumerate() {
  local op=$1 items=$2
  shift 2
  call "$op" "$@"
  local n; n=$(count "$(el Items)/$items")
  local replies; replies=$(responses | wc -l)
  local open; open=$(value "$(last)" "$(el EnumerationContext)")
  if [ "$rc" -eq 124 ]; then
    failed "$op" "wsl did not stop pulling in 60 s"
  elif [ "$rc" -eq 0 ] && [ "$n" -gt 0 ] && [ -z "$open" ]; then
    report "$op" ok "Items=$n Replies=$replies"
  else
    failed "$op" "$n items in $replies replies, last context '$open'"
  fi
}

# CreateResourcePool through wsl invoke, which first enumerates the service's EPR itself, or with
# SERVICE-EPR-FILE (-inst) takes the service's address from that file. HostResources are wsl's FILE:
# arguments, one per device: OPERATION NAME SERVICE-EPR-FILE|"" EPR-FILE... Sets job, pool and pool_uri.
op_create_pool() {
  local op=$1 name=$2 service=(CIM_ResourcePoolConfigurationService -inst "$3")
  shift 3
  [ -n "${service[2]}" ] || service=("$WMI/Msvm_ResourcePoolConfigurationService")
  local params=() f
  for f in "$@"; do params+=("HostResources=FILE:$f"); done
  call "$op" wsl invoke "${service[@]}" CreateResourcePool "ElementName=$name" "${params[@]}" ResourceType=4
  local r; r=$(last)
  local code; code=$(value "$r" "$(el ReturnValue)")
  job=$(value "$r" "$(el Job)//*[@Name='InstanceID']")
  pool=$(value "$r" "$(el Pool)//*[@Name='InstanceID']")
  pool_uri=$(value "$r" "$(el Pool)//*[local-name()='ResourceURI']")
  local sent; sent=$(xmllint --xpath "count($(el HostResources))" "$(ls -1v "$out"/request-[0-9]*.xml | tail -n 1)" 2>/dev/null)
  if [ "$rc" -eq 0 ] && [ "$code" = 4096 ] && [ -n "$job" ] && [ -n "$pool" ]; then
    report "$op" ok "ReturnValue=$code HostResources=$sent Job=$job Pool=$pool"
  else
    failed "$op" "ReturnValue '$code', Job '$job', Pool '$pool'"
  fi
}

# Polls the job with wsl get until it is Completed (7): OPERATION.
op_poll_job() {
  local op=$1 state="" states="" i
  for i in $(seq 1 100); do
    call "$op-$i" wsl get "$WMI/Msvm_ConcreteJob" "InstanceID=$job"
    state=$(value "$(last)" "$(el JobState)")
    states="$states${states:+,}$state"
    case "$state" in 7|8|9|10|"") break ;; esac
    sleep 0.1
  done
  if [ "$state" = 7 ]; then
    report "$op" ok "JobState=$state Polls=$i States=$states PercentComplete=$(value "$(last)" "$(el PercentComplete)")"
  else
    failed "$op" "JobState '$state' after $i polls ($states)"
  fi
}

# Get of the pool: OPERATION CLASS-OR-URI [SELECTOR...]; the InstanceID selector is added.
op_get_pool() {
  call "$1" wsl get "$2" "${@:3}" "InstanceID=$pool"
  local r; r=$(last)
  local element; element=$(value "$r" "$(el Body)/*/*[local-name()='ElementName']")
  if [ "$rc" -eq 0 ] && [ -n "$element" ]; then
    report "$1" ok "Class=$(value "$r" "local-name($(el Body)/*)") Namespace=$(value "$r" "namespace-uri($(el Body)/*)") InstanceID=$(value "$r" "$(el InstanceID)") ResourceType=$(value "$r" "$(el ResourceType)") Capacity=$(value "$r" "$(el Capacity)") ElementName=$element"
  else
    failed "$1" "no pool in the reply"
  fi
}

# The job's associations through wsl's association filter, in DMTF style (-ns): OPERATION FLAG, FLAG being
# -references (wsl sends AssociatedInstances: the related instances) or -associators (AssociationInstances).
op_associations() {
  call "$1" wsl enum CIM_ConcreteJob -ns "$NS" "$2" "InstanceID=$job"
  local classes; classes=$(xmllint --xpath "$(el Items)/*" "$(last)" 2>/dev/null \
    | grep -o '^<[a-zA-Z0-9]*:[A-Za-z_]*' | sed 's/.*://' | sort | paste -sd, -)
  local found="$(el Items)/*[local-name()='Msvm_ResourcePool']" detail=""
  if [ "$(value "$(last)" "count($found)")" != 0 ]; then
    detail=" PoolInstanceID=$(value "$(last)" "$found/*[local-name()='InstanceID']") PoolElementName=$(value "$(last)" "$found/*[local-name()='ElementName']")"
  fi
  if [ "$rc" -eq 0 ] && [ -n "$classes" ]; then
    report "$1" ok "Classes=$classes$detail"
  else
    failed "$1" "no instance related to the job"
  fi
}

# Put of the pool's ElementName with wsl put, which enumerates the instance (EnumerateObjectAndEPR) and
# rebuilds it line by line: OPERATION NEW-NAME.
op_put() {
  call "$1" wsl put "$WMI/Msvm_ResourcePool" "ElementName=$2" -filter "SELECT * FROM Msvm_ResourcePool WHERE InstanceID='$pool'"
  local r; r=$(last)
  if [ "$(value "$r" "$(el Body)/*/*[local-name()='ElementName']")" = "$2" ]; then
    report "$1" ok "ElementName=$2"
  elif [ ! -s "$out/request-2.xml" ] && grep -q 'parser error' "$out/stdout"; then
    report "$1" unsupported "wsl put copies the instance from the line after the first one holding ':<Class>>'; the start tag carries xmlns declarations and xsi:type (as Windows writes it), so that line is the end tag, wsl builds a Put that xmllint rejects, and curl POSTs an empty body"
  else
    failed "$1" "neither a PutResponse with ElementName '$2' nor wsl's known empty Put"
  fi
}
