'use strict'
// Drives hvemu with the npm message builder @device-management-toolkit/wsman-messages (hvemu.clients.NodeWsmanMessagesIT).
// The library builds envelopes only; this file sends them with Node's http, answering the server's 401 challenge
// with Basic as the toolkit's own senders do, and prints one line per operation:
//   hvemu-client: <operation> ok|fail|unsupported <detail>
// Environment: HVEMU_URL, HVEMU_USER, HVEMU_PASSWORD (set by hvemu.testsupport.RealClient); HVEMU_POOL_NAME, the
// ElementName of the pool it makes (NodePool-<pid> by default).
const http = require('http')
const { WSManMessageCreator, BaseActions } = require('@device-management-toolkit/wsman-messages/WSMan')

const WMI = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/'
const ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous'
const SERVICE = 'CIM_ResourcePoolConfigurationService'
// The default topology's service (mof/topology/default-cluster.mof; scripts/lib/wsman.sh).
const SERVICE_KEYS = {
  CreationClassName: 'Msvm_ResourcePoolConfigurationService',
  Name: 'poolcfgsvc',
  SystemCreationClassName: 'Msvm_ComputerSystem',
  SystemName: 'HVCLU01'
}
const MEMORY_DEVICE = 'Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\0'

const url = new URL(process.env.HVEMU_URL || 'http://127.0.0.1:5985/wsman')
const user = process.env.HVEMU_USER || ''
const password = process.env.HVEMU_PASSWORD || ''
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const creator = new WSManMessageCreator(WMI)

function report (operation, status, detail) {
  if (status === 'fail') process.exitCode = 1
  console.log(`hvemu-client: ${operation} ${status} ${detail}`.trimEnd())
}

// --- transport: what a user of the builder writes around it ---------------------------------------------------

let authorization = null // learnt from the first 401, then sent with every request

function postOnce (xml) {
  return new Promise((resolve, reject) => {
    const headers = { 'Content-Type': 'application/soap+xml;charset=UTF-8', 'Content-Length': Buffer.byteLength(xml) }
    if (authorization) headers.Authorization = authorization
    const request = http.request(url, { method: 'POST', agent, headers }, (response) => {
      const chunks = []
      response.on('data', (c) => chunks.push(c))
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.end(xml)
  })
}

async function post (xml) {
  let response = await postOnce(xml)
  if (response.status === 401) {
    // Node joins repeated WWW-Authenticate headers with ", " (hvemu offers Negotiate, then Basic, as Windows does).
    const challenge = String(response.headers['www-authenticate'] || '')
    if (!/(^|,\s*)Basic\b/i.test(challenge)) throw new Error(`401 with a challenge this sender cannot answer: "${challenge}"`)
    authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')
    response = await postOnce(xml)
  }
  const fault = faultOf(response.body)
  if (response.status !== 200 || fault) {
    throw new Error(`HTTP ${response.status}${fault ? ' ' + fault : ''}`)
  }
  // The builder numbers its messages 0, 1, 2...; the reply must relate to the one sent.
  const sent = text(xml, 'MessageID')
  const relatesTo = text(response.body, 'RelatesTo')
  if (relatesTo !== sent) throw new Error(`the reply relates to "${relatesTo}", not to MessageID "${sent}"`)
  return response.body
}

// The builder takes one selector ({name, value}) or EPR-valued selectors: createSelector writes an empty
// <w:Selector> for every plain value of a multi-key object. Multi-key addresses get their SelectorSet here.
function withKeys (header, keys) {
  const selectors = Object.entries(keys).map(([k, v]) => `<w:Selector Name="${k}">${escape(v)}</w:Selector>`).join('')
  return header.replace('</Header>', `<w:SelectorSet>${selectors}</w:SelectorSet></Header>`)
}

// --- reading replies (the builder reads nothing): elements by local name, whatever their prefix ----------------

function escape (s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function unescape (s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

function elements (xml, localName) {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>)`, 'g')
  return [...xml.matchAll(re)].map((m) => m[1] === undefined ? '' : m[1])
}

function text (xml, localName) {
  const found = elements(xml, localName)
  return found.length ? unescape(found[0]) : null
}

function faultOf (xml) {
  if (!/<(?:[\w.-]+:)?Fault[\s>]/.test(xml)) return null
  const subcode = elements(elements(xml, 'Subcode')[0] || '', 'Value')[0]
  return `fault ${subcode || '?'}: ${(text(xml, 'Message') || text(xml, 'Text') || '').trim()}`
}

function instanceIdOf (epr) {
  const m = /<(?:[\w.-]+:)?Selector Name="InstanceID">([^<]*)</.exec(epr || '')
  return m ? unescape(m[1]) : null
}

// --- the flow --------------------------------------------------------------------------------------------------

async function step (operation, action) {
  try {
    report(operation, 'ok', await action())
    return true
  } catch (e) {
    report(operation, 'fail', e.message.replace(/\s+/g, ' '))
    return false
  }
}

// Enumerate (the builder's empty <Enumerate/>: a context, no items), then Pull with its defaults (MaxElements 999,
// MaxCharacters 99999) until the server ends the sequence. Returns the items' XML and the number of Pulls.
async function enumerateAll (cls) {
  const reply = await post(creator.createXml(creator.createHeader(BaseActions.ENUMERATE, cls), creator.createCommonBody.Enumerate()))
  let context = text(reply, 'EnumerationContext')
  if (!context) throw new Error('EnumerateResponse without an EnumerationContext')
  let items = ''
  let pulls = 0
  for (;;) {
    if (++pulls > 100) throw new Error('no EndOfSequence after 100 Pulls')
    const pulled = await post(creator.createXml(creator.createHeader(BaseActions.PULL, cls), creator.createCommonBody.Pull(context)))
    items += elements(pulled, 'Items').join('')
    if (elements(pulled, 'EndOfSequence').length) return { items, pulls }
    context = text(pulled, 'EnumerationContext')
    if (!context) throw new Error('PullResponse with neither EndOfSequence nor an EnumerationContext')
  }
}

function instances (items, cls) {
  return elements(items, cls)
}

async function main () {
  report('identify', 'unsupported', 'wsman-messages 5.14.1 has no Identify builder (BaseActions and createCommonBody have none)')
  report('release', 'unsupported', 'no Release builder: the library has Enumerate and Pull only, and a Pull loop to the end needs no Release')
  for (const op of ['enumerate-optimized', 'enumerate-epr']) {
    report(op, 'unsupported', 'createCommonBody.Enumerate() is a fixed empty <Enumerate/>: no OptimizeEnumeration, MaxElements or EnumerationMode')
  }
  for (const op of ['wql', 'selector-filter', 'association']) {
    report(op, 'unsupported', 'no Filter builder: createCommonBody.Enumerate() takes no filter or dialect')
  }

  await step('get', async () => {
    const header = withKeys(creator.createHeader(BaseActions.GET, SERVICE), SERVICE_KEYS)
    const reply = await post(creator.createXml(header, creator.createCommonBody.Get()))
    const [service] = elements(reply, 'Msvm_ResourcePoolConfigurationService')
    if (service === undefined) throw new Error('the reply holds no Msvm_ResourcePoolConfigurationService')
    return `Name=${text(service, 'Name')} SystemName=${text(service, 'SystemName')} EnabledState=${text(service, 'EnabledState')}`
  })

  let before = null
  await step('enumerate', async () => {
    const { items, pulls } = await enumerateAll('CIM_ResourcePool')
    before = instances(items, 'Msvm_ProcessorPool').length + instances(items, 'Msvm_ResourcePool').length
    const primordial = elements(items, 'Primordial').filter((v) => v === 'true').length
    return `count=${before} primordial=${primordial} pulls=${pulls}`
  })

  const name = process.env.HVEMU_POOL_NAME || `NodePool-${process.pid}`
  let job = null
  let pool = null
  const created = await step('create-resource-pool', async () => {
    const header = withKeys(creator.createHeader(WMI + SERVICE + '/CreateResourcePool', SERVICE), SERVICE_KEYS)
    // REF[] HostResources: a JavaScript array given to createBody becomes <h:HostResources>[object Object]</...>
    // (OBJtoXML writes array members as text or their "_"), so each EPR goes in as its own data object, the way
    // the library's own AddWiFiSettings passes EPR parameters: createBody writes every object of the array in turn.
    const data = [{ ElementName: name }]
    for (const node of ['HV-NODE1', 'HV-NODE2']) {
      data.push({
        HostResources: {
          Address: ANONYMOUS,
          ReferenceParameters: {
            ResourceURI: WMI + 'Msvm_Memory',
            SelectorSet: {
              Selector: [
                { _: 'Msvm_Memory', $: { Name: 'CreationClassName' } },
                { _: MEMORY_DEVICE, $: { Name: 'DeviceID' } },
                { _: 'Msvm_ComputerSystem', $: { Name: 'SystemCreationClassName' } },
                { _: node, $: { Name: 'SystemName' } }
              ]
            }
          }
        }
      })
    }
    data.push({ ResourceType: '4' })
    const reply = await post(creator.createXml(header, creator.createBody('CreateResourcePool_INPUT', SERVICE, data)))
    const code = text(reply, 'ReturnValue')
    job = instanceIdOf(elements(reply, 'Job')[0])
    pool = instanceIdOf(elements(reply, 'Pool')[0])
    if (code !== '4096' && code !== '0') throw new Error(`ReturnValue ${code}`)
    if (!pool) throw new Error(`ReturnValue ${code} without a Pool reference`)
    return `ReturnValue=${code} Job=${job} Pool=${pool}`
  })

  if (!created) {
    report('job', 'fail', 'no job: CreateResourcePool failed')
    report('find-pool', 'fail', 'no pool: CreateResourcePool failed')
    return
  }

  await step('job', async () => {
    if (!job) throw new Error('CreateResourcePool returned no Job reference')
    const states = []
    for (let polls = 1; polls <= 100; polls++) {
      const reply = await post(creator.createXml(
        creator.createHeader(BaseActions.GET, 'Msvm_ConcreteJob', { name: 'InstanceID', value: job }), creator.createCommonBody.Get()))
      const state = text(reply, 'JobState')
      if (states[states.length - 1] !== state) states.push(state)
      if (state === '7') return `JobState=7 PercentComplete=${text(reply, 'PercentComplete')} polls=${polls} states=${states.join(',')}`
      if (['8', '9', '10'].includes(state)) throw new Error(`JobState ${state}: ${text(reply, 'ErrorDescription')}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    throw new Error(`the job did not complete; states seen ${states.join(',')}`)
  })

  await step('find-pool', async () => {
    const reply = await post(creator.createXml(
      creator.createHeader(BaseActions.GET, 'Msvm_ResourcePool', { name: 'InstanceID', value: pool }), creator.createCommonBody.Get()))
    const got = text(reply, 'ElementName')
    if (got !== name) throw new Error(`Get of the pool gave ElementName ${got}, not ${name}`)
    const { items } = await enumerateAll('CIM_ResourcePool')
    const listed = instances(items, 'Msvm_ResourcePool').filter((p) => text(p, 'InstanceID') === pool)
    if (listed.length !== 1) throw new Error(`the pool ${pool} is listed ${listed.length} times by Enumerate/Pull of CIM_ResourcePool`)
    const count = instances(items, 'Msvm_ProcessorPool').length + instances(items, 'Msvm_ResourcePool').length
    if (before !== null && count !== before + 1) throw new Error(`Enumerate/Pull lists ${count} pools, ${before} before the pool was made`)
    return `ElementName=${got} ResourceType=${text(reply, 'ResourceType')} Capacity=${text(reply, 'Capacity')} ` +
      `AllocationUnits=${text(reply, 'AllocationUnits')} Primordial=${text(reply, 'Primordial')} count=${count}`
  })
}

main().then(() => agent.destroy(), (e) => {
  console.log(e.stack)
  agent.destroy()
  process.exitCode = 1
})
