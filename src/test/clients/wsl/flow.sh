#!/usr/bin/env bash
# Drives hvemu with wsl (Dell's "Wsman Shell commandLine", Debian package wsl) as its users do: one wsl
# command per operation, configured through the environment, reading the replies wsl saved
# (response-N.xml) with xmllint. Prints one line per operation for hvemu.testsupport.RealClient:
#
#   hvemu-client: <operation> ok|fail|unsupported <detail>
#
# Environment: HVEMU_HOSTPORT, HVEMU_USER, HVEMU_PASSWORD (set by RealClient); HVEMU_POOL_NAME, the name
# of the pool to create (no spaces). With --no-uuidgen, a shorter flow runs with uuidgen off the PATH, so
# wsl sends every request with an empty wsa:MessageID, as it does where uuid-runtime is not installed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/hvemu-wsl.XXXXXX")
trap 'rm -rf "$work"' EXIT

# wsl reads ~/.wsl-config and writes one on its first run: HOME in the scratch directory keeps the
# user's own out. KEEPHISTORY=0: no .wslrun history; OUTLEVEL=1: replies on stdout (kept per call).
export HOME="$work/home" WSENDPOINT="$HVEMU_HOSTPORT" WSUSER="$HVEMU_USER" WSPASS="$HVEMU_PASSWORD"
export WSNOSSL=true WSAUTOMATED=1 KEEPHISTORY=0 OUTLEVEL=1
mkdir -p "$HOME"
. "$here/lib.sh"
. "$here/operations.sh"
pool_name=${HVEMU_POOL_NAME:-wsl-pool-$$}

full_flow() {
  op_identify
  op_get_service get-service "$WMI/Msvm_ResourcePoolConfigurationService"
  op_get_service get-service-dmtf CIM_ResourcePoolConfigurationService "__cimnamespace=$NS"
  op_enumerate enumerate-optimized "*" wsl enum "$WMI/Msvm_Memory"
  op_enumerate enumerate-optimized-batches "*" wsl enum "$WMI/Msvm_Memory" -opti 3
  op_enumerate enumerate-pull "*" wslenum "$WMI/Msvm_Memory"
  op_enumerate enumerate-epr "*[local-name()='EndpointReference']" wsl enum "$WMI/Msvm_Memory" -mode epr
  op_enumerate enumerate-objepr "*[local-name()='Item'][*[local-name()='EndpointReference']]" \
    wsl enum "$WMI/Msvm_Memory" -mode objepr
  op_enumerate enumerate-dmtf "*[local-name()='EndpointReference']" \
    wsl enum CIM_ResourcePoolConfigurationService -ns "$NS" -mode epr
  cp "$(last)" "$work/service.xml"
  # The two devices of the pool, one per node, found by a SelectorFilter and by WQL; their EPRs go to files.
  op_enumerate selector-filter "*[local-name()='EndpointReference']" \
    wsl enum "$WMI/Msvm_Memory" -mode epr -dialect "$SELECTOR_FILTER" -filter SystemName=HV-NODE1
  epr_file "$(last)" "$work/memory1.xml"
  op_enumerate wql "*[local-name()='EndpointReference']" \
    wsl enum "$WMI/*" -mode epr -dialect "$WQL" -filter "SELECT * FROM Msvm_Memory WHERE SystemName = 'HV-NODE2'"
  epr_file "$(last)" "$work/memory2.xml"
  op_enumerate cql "*" wsl enum CIM_ResourcePool -ns "$NS" -filter "SELECT * FROM CIM_ResourcePool WHERE Primordial = TRUE"

  op_create_pool create-pool "$pool_name" "" "$work/memory1.xml" "$work/memory2.xml"
  [ -n "$job" ] && op_poll_job poll-job
  [ -n "$pool" ] || return
  op_get_pool get-pool "${pool_uri:-$WMI/Msvm_ResourcePool}"
  op_get_pool get-pool-dmtf CIM_ResourcePool "__cimnamespace=$NS"
  op_associations associated-instances -references
  op_associations association-instances -associators
  op_put put "$pool_name-renamed"
  # An empty pool, through the service's DMTF address (with __cimnamespace) as wsl copies it from a file.
  op_create_pool create-pool-inst "$pool_name-empty" "$work/service.xml"
}

# The same kinds of request, sent with wsa:MessageID empty; reports empty-messageid once it has seen
# that wsl really sent them so.
no_uuidgen_flow() {
  local bin="$work/bin" f empty=0 requests=0
  mkdir -p "$bin"
  ln -s /usr/bin/* "$bin/" 2>/dev/null
  rm -f "$bin/uuidgen"
  PATH="$bin"
  command -v uuidgen >/dev/null && { report empty-messageid fail "uuidgen is still on the PATH"; return; }
  op_get_service get-service "$WMI/Msvm_ResourcePoolConfigurationService"
  op_enumerate enumerate-pull "*" wslenum "$WMI/Msvm_Memory"
  op_create_pool create-pool "$pool_name" ""
  [ -n "$job" ] && op_poll_job poll-job
  for f in "$work"/*/request-[0-9]*.xml; do
    requests=$((requests + 1))
    if [ "$(value "$f" "count($(el MessageID))")" = 1 ] && [ -z "$(value "$f" "$(el MessageID)")" ]; then
      empty=$((empty + 1))
    fi
  done
  if [ "$requests" -gt 0 ] && [ "$empty" -eq "$requests" ]; then
    report empty-messageid ok "Requests=$requests"
  else
    report empty-messageid fail "$empty of $requests requests had an empty MessageID"
  fi
}

if [ "${1:-}" = --no-uuidgen ]; then
  no_uuidgen_flow
else
  full_flow
fi
[ "$failures" -eq 0 ]
