# lib.sh - helpers of flow.sh: run one wsl command, read what it saved, report an operation.
# Sourced by flow.sh after it has set work (a scratch directory) and wsl's environment.

WMI=http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2
NS=root/HyperVCluster/v2
WQL=http://schemas.microsoft.com/wbem/wsman/1/WQL
SELECTOR_FILTER=http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter
SERVICE_KEYS=(CreationClassName=Msvm_ResourcePoolConfigurationService Name=poolcfgsvc
  SystemCreationClassName=Msvm_ComputerSystem SystemName=HVCLU01)
failures=0

# Prints the line RealClient reads: report OPERATION ok|fail|unsupported DETAIL.
report() {
  echo "hvemu-client: $1 $2 ${3:-}"
  if [ "$2" = fail ]; then
    failures=$((failures + 1))
  fi
}

# Reports OPERATION as failed with WHY, and shows what wsl printed (the replies among it).
failed() {
  report "$1" fail "$2 (wsl exit $rc; reply: $(fault_text "$(last)"))"
  echo "--- wsl output of $1:"
  show "$out/stdout"
}

# Prints FILE indented, without wsl's colour escapes, ending with a newline.
show() {
  sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^/    /' "$1"
  echo
}

# Runs one wsl command in a directory of its own (wsl's OUTPREFIX), so that the request-N.xml and
# response-N.xml it leaves are this command's alone: call NAME COMMAND ARGS... Sets out and rc.
call() {
  local name=$1
  shift
  out="$work/$name"
  mkdir -p "$out"
  OUTPREFIX="$out" timeout 60 "$@" >"$out/stdout" 2>&1
  rc=$?
}

# The replies wsl saved for the last call, in the order it received them.
responses() {
  ls -1v "$out"/response-[0-9]*.xml 2>/dev/null
}

# The last reply of the last call.
last() {
  responses | tail -n 1
}

# The string value of an XPath expression in FILE: value FILE XPATH.
value() {
  xmllint --xpath "string($2)" "$1" 2>/dev/null
}

# The XPath of elements with local name NAME, at any depth.
el() {
  echo "//*[local-name()='$1']"
}

# Sum of count(XPATH) over every reply of the last call.
count() {
  local n=0 f c
  for f in $(responses); do
    c=$(xmllint --xpath "count($1)" "$f" 2>/dev/null) || c=0
    n=$((n + c))
  done
  echo "$n"
}

# The fault reason of FILE, or "no fault".
fault_text() {
  local text
  text=$([ -s "$1" ] && value "$1" "$(el Fault)//*[local-name()='Text']")
  echo "${text:-no fault}"
}

# Copies the first EPR of the reply FILE to EPR-FILE for a wsl PARAM=FILE:EPR-FILE argument. wsl reads that
# file with `read` without -r, which drops every backslash (device IDs such as Microsoft:...\0 have one),
# so each backslash is written twice.
epr_file() {
  sed 's/\\/\\\\/g' "$1" >"$2"
}
