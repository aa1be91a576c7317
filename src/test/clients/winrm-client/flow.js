// Drives hvemu with npm's winrm-client 0.0.11 (hvemu.clients.WinrmClientIT) over NTLM: its internal sendHttp does
// one handshake per request on a new connection (an empty probe, Negotiate with the NEGOTIATE_MESSAGE, then the
// AUTHENTICATE_MESSAGE with the SOAP body) and encrypts nothing. Prints one line per operation:
//
//   hvemu-client: <operation> ok|fail|unsupported <detail>
//
// Environment: HVEMU_HOSTPORT, HVEMU_USER (DOMAIN\name, which makes winrm-client choose NTLM), HVEMU_PASSWORD.
'use strict';
const { sendHttp } = require('winrm-client/dist/src/utils/http');

const [host, port] = [process.env.HVEMU_HOSTPORT.replace(/:\d+$/, ''), Number(process.env.HVEMU_HOSTPORT.replace(/^.*:/, ''))];
const user = process.env.HVEMU_USER;
const password = process.env.HVEMU_PASSWORD;
const WMI = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2';
const SERVICE = WMI + '/Msvm_ResourcePoolConfigurationService';
const KEYS = { CreationClassName: 'Msvm_ResourcePoolConfigurationService', Name: 'poolcfgsvc',
  SystemCreationClassName: 'Msvm_ComputerSystem', SystemName: 'HVCLU01' };
let failures = 0;

function envelope(action, uri, keys, body) {
  const selectors = Object.entries(keys).map(([k, v]) => `<w:Selector Name="${k}">${v}</w:Selector>`).join('');
  return '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
    + 'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header><a:To>http://' + host + ':' + port + '/wsman</a:To>'
    + `<w:ResourceURI s:mustUnderstand="true">${uri}</w:ResourceURI><a:ReplyTo><a:Address s:mustUnderstand="true">`
    + 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>'
    + `<a:Action s:mustUnderstand="true">${action}</a:Action><a:MessageID>uuid:4E3B3B48-7F8B-4D58-9C1E-2B9A6C1D0E55</a:MessageID>`
    + `<w:SelectorSet>${selectors}</w:SelectorSet></s:Header><s:Body>${body || ''}</s:Body></s:Envelope>`;
}

function post(xml, pw) {
  return sendHttp(xml, host, port, '/wsman', user, pw || password, 'ntlm', 20000, false, false);
}

/** The first element under s:Body of a reply winrm-client parsed with fast-xml-parser. */
function body(reply) {
  const envelopeKey = Object.keys(reply).find((k) => k.endsWith('Envelope'));
  const bodyKey = Object.keys(reply[envelopeKey]).find((k) => k.endsWith('Body'));
  return reply[envelopeKey][bodyKey];
}

function field(element, name) {
  const key = Object.keys(element).find((k) => k === name || k.endsWith(':' + name));
  const value = key === undefined ? undefined : element[key];
  return value !== null && typeof value === 'object' && '_' in value ? value._ : value;
}

async function run(operation, action) {
  try {
    console.log(`hvemu-client: ${operation} ok ${await action()}`);
  } catch (e) {
    failures++;
    console.log(`hvemu-client: ${operation} fail ${String(e && e.message || e).replace(/\s+/g, ' ')}`);
  }
}

(async () => {
  await run('identify', async () => {
    const reply = body(await post('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
      + 'xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/><s:Body><wsmid:Identify/>'
      + '</s:Body></s:Envelope>'));
    const identify = reply[Object.keys(reply).find((k) => k.endsWith('IdentifyResponse'))];
    return `ProductVendor="${field(identify, 'ProductVendor')}" ProductVersion="${field(identify, 'ProductVersion')}"`;
  });
  await run('get-service', async () => {
    const reply = body(await post(envelope('http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', SERVICE, KEYS)));
    const service = reply[Object.keys(reply).find((k) => k.endsWith('Msvm_ResourcePoolConfigurationService'))];
    return `Name=${field(service, 'Name')} SystemName=${field(service, 'SystemName')}`;
  });
  await run('create-pool', async () => {
    const input = `<p:CreateResourcePool_INPUT xmlns:p="${SERVICE}"><p:ElementName>WinrmClientPool</p:ElementName>`
      + '<p:ResourceType>4</p:ResourceType></p:CreateResourcePool_INPUT>';
    const reply = body(await post(envelope(SERVICE + '/CreateResourcePool', SERVICE, KEYS, input)));
    const output = reply[Object.keys(reply).find((k) => k.endsWith('CreateResourcePool_OUTPUT'))];
    return `ReturnValue=${field(output, 'ReturnValue')}`;
  });
  await run('wrong-password', async () => {
    try {
      await post(envelope('http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', SERVICE, KEYS), password + 'x');
    } catch (e) {
      const status = /failed: (\d+)/.exec(e.message);
      return `Refused=yes HttpStatus=${status ? status[1] : '?'}`;
    }
    throw new Error('a Get succeeded with a wrong password');
  });
  process.exit(failures ? 1 : 0);
})();
