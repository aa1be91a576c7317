# wsman.sh - curl helpers for the scripts in scripts/: build WS-Man envelopes for hvemu's pool service
# and read replies. Source it after setting url (the endpoint) and, optionally, auth=(-u user:password).
wmi=http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2
anon=http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous
service=$wmi/CIM_ResourcePoolConfigurationService
service_keys='<w:Selector Name="CreationClassName">Msvm_ResourcePoolConfigurationService</w:Selector><w:Selector Name="Name">poolcfgsvc</w:Selector><w:Selector Name="SystemCreationClassName">Msvm_ComputerSystem</w:Selector><w:Selector Name="SystemName">HVCLU01</w:Selector>'

post() {
  curl -s "${auth[@]}" -H 'Content-Type: application/soap+xml;charset=UTF-8' --data-binary @- "$url"
}

# The envelope of a request: $1 ResourceURI, $2 Action, $3 SelectorSet content, $4 body.
envelope() {
  cat <<XML
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header><a:To>$url</a:To><w:ResourceURI s:mustUnderstand="true">$1</w:ResourceURI><a:ReplyTo><a:Address s:mustUnderstand="true">$anon</a:Address></a:ReplyTo><a:Action s:mustUnderstand="true">$2</a:Action><w:MaxEnvelopeSize s:mustUnderstand="true">512000</w:MaxEnvelopeSize><a:MessageID>uuid:$(cat /proc/sys/kernel/random/uuid)</a:MessageID><w:SelectorSet>$3</w:SelectorSet><w:OperationTimeout>PT60.000S</w:OperationTimeout></s:Header><s:Body>$4</s:Body></s:Envelope>
XML
}

# EPR children of a NUMA node's memory: $1 node (1 or 2), $2 NUMA node (0 or 1).
memory() {
  echo "<a:Address>$anon</a:Address><a:ReferenceParameters><w:ResourceURI>$wmi/Msvm_Memory</w:ResourceURI><w:SelectorSet><w:Selector Name=\"CreationClassName\">Msvm_Memory</w:Selector><w:Selector Name=\"DeviceID\">Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\$2</w:Selector><w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector><w:Selector Name=\"SystemName\">HV-NODE$1</w:Selector></w:SelectorSet></a:ReferenceParameters>"
}

# EPR children of a logical processor: $1 node (1 or 2), $2 processor (0 to 15).
processor() {
  echo "<a:Address>$anon</a:Address><a:ReferenceParameters><w:ResourceURI>$wmi/Msvm_Processor</w:ResourceURI><w:SelectorSet><w:Selector Name=\"CreationClassName\">Msvm_Processor</w:Selector><w:Selector Name=\"DeviceID\">Microsoft:B637F347-6A0E-4DEC-AF52-BD70CB80A21D\\0\\$2</w:Selector><w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector><w:Selector Name=\"SystemName\">HV-NODE$1</w:Selector></w:SelectorSet></a:ReferenceParameters>"
}

# EPR children of a pool by InstanceID.
pool_ref() {
  echo "<a:Address>$anon</a:Address><a:ReferenceParameters><w:ResourceURI>$wmi/Msvm_ResourcePool</w:ResourceURI><w:SelectorSet><w:Selector Name=\"InstanceID\">$1</w:Selector></w:SelectorSet></a:ReferenceParameters>"
}

# A Settings value: an embedded Msvm_ResourceAllocationSettingData in CIM-XML reserving $1 units.
rasd() {
  echo "<![CDATA[<INSTANCE CLASSNAME=\"Msvm_ResourceAllocationSettingData\"><PROPERTY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE>$1</VALUE></PROPERTY></INSTANCE>]]>"
}

# Invokes a method of the cluster's pool service: $1 method, $2 the INPUT's parameter elements.
# Sets reply to the response.
invoke() {
  reply=$(envelope "$service" "$service/$1" "$service_keys" "<p:$1_INPUT xmlns:p=\"$service\">$2</p:$1_INPUT>" | post)
}

# The ReturnValue of the reply.
return_value() {
  sed -n 's|.*<p:ReturnValue>\([0-9]*\)</p:ReturnValue>.*|\1|p' <<<"$reply"
}

# The InstanceID selector of the EPR in OUT parameter $1 of the reply.
selector() {
  sed -n "s|.*<p:$1[ >].*<wsman:Selector Name=\"InstanceID\">\([^<]*\)</wsman:Selector>.*</p:$1>.*|\1|p" <<<"$reply"
}

# Gets an instance by InstanceID: $1 class. $2 InstanceID. Sets reply.
get_instance() {
  reply=$(envelope "$wmi/$1" http://schemas.xmlsoap.org/ws/2004/09/transfer/Get \
    "<w:Selector Name=\"InstanceID\">$2</w:Selector>" "" | post)
}

# The text of property $1 in the reply.
property() {
  sed -n "s|.*<p:$1>\([^<]*\)</p:$1>.*|\1|p" <<<"$reply"
}

# Polls job $1 until it completes; fails when it ends otherwise. Prints each state seen.
wait_job() {
  local state=""
  for _ in $(seq 1 100); do
    get_instance Msvm_ConcreteJob "$1"
    state=$(property JobState)
    echo "   JobState $state"
    case $state in 7) return 0 ;; 8|9|10) echo "   the job failed: $(property ErrorDescription)"; return 1 ;; esac
    sleep 0.2
  done
  echo "   the job did not complete"
  return 1
}
