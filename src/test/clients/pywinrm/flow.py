#!/usr/bin/python3
"""Drives hvemu with pywinrm (Debian python3-winrm) as a pywinrm user scripting WMI does: a Protocol with
Basic authentication, or NTLM (Negotiate) with message encryption, and send_message with hand-built WS-Man
messages (wsman.py). Prints one line per operation for hvemu.testsupport.RealClient:

    hvemu-client: <operation> ok|fail|unsupported <detail>

Environment: HVEMU_URL, HVEMU_USER, HVEMU_PASSWORD (set by RealClient); HVEMU_POOL_NAME, the name of the
pool to create (no spaces); HVEMU_TRANSPORT, pywinrm's transport (basic by default, or ntlm), and
HVEMU_MESSAGE_ENCRYPTION, its message_encryption (auto by default, always, never). NTLM needs MD4, which
Debian's OpenSSL 3 has only in its legacy provider: run with OPENSSL_CONF=openssl-legacy.cnf."""
import ast
import os
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ of wsman.py in the source tree
from winrm.exceptions import WinRMError, WinRMTransportError
from winrm.protocol import Protocol

from wsman import (ASSOCIATION_FILTER, ENUMERATE, GET, NS, PULL, RELEASE, SELECTOR_FILTER, WMI, WQL, body,
                   enumerate_all, enumerate_body, envelope, epr_dict, epr_parts, identify, local_name, prop, send)

SERVICE = WMI + '/Msvm_ResourcePoolConfigurationService'
SERVICE_KEYS = {'CreationClassName': 'Msvm_ResourcePoolConfigurationService', 'Name': 'poolcfgsvc',
                'SystemCreationClassName': 'Msvm_ComputerSystem', 'SystemName': 'HVCLU01'}
failures = 0


class Unsupported(Exception):
    """What pywinrm cannot do against hvemu, and why."""


def run(operation, action):
    """Runs action, which returns the detail of an ok line or raises; prints the operation's line."""
    global failures
    try:
        print('hvemu-client: %s ok %s' % (operation, action()), flush=True)
    except Unsupported as e:
        print('hvemu-client: %s unsupported %s' % (operation, e), flush=True)
    except Exception as e:  # any failure of the client or of a check is the operation's failure
        failures += 1
        print('hvemu-client: %s fail %s: %s' % (operation, type(e).__name__, e), flush=True)
        traceback.print_exc(file=sys.stdout)


def fault_data(error):
    """The fault fields pywinrm puts in a WinRMError's message ('(extended fault data: {...})')."""
    found = re.search(r'\(extended fault data: (\{.*\})\)$', str(error))
    if not found:
        raise AssertionError('no fault data in %r' % str(error))
    return ast.literal_eval(found.group(1))


def main():
    transport = os.environ.get('HVEMU_TRANSPORT') or 'basic'
    p = Protocol(endpoint=os.environ['HVEMU_URL'], transport=transport, username=os.environ['HVEMU_USER'],
                 password=os.environ['HVEMU_PASSWORD'], server_cert_validation='ignore',
                 message_encryption=os.environ.get('HVEMU_MESSAGE_ENCRYPTION') or 'auto')
    name = os.environ.get('HVEMU_POOL_NAME') or 'pywinrm-pool-%d' % os.getpid()
    found = {}

    def identify_op():
        r = body(ET.fromstring(p.send_message(identify())))
        profiles = ','.join(e.text for e in r.findall('wsmid:SecurityProfiles/wsmid:SecurityProfileName', NS))
        # pywinrm sets up its Encryption once the first message goes, when the transport seals.
        sealed = 'yes' if p.transport.encryption is not None else 'no'
        return 'ProtocolVersion=%s ProductVendor=%s ProductVersion=%s Transport=%s Sealed=%s SecurityProfiles=%s' % (
            tuple(r.findtext('wsmid:' + n, namespaces=NS) for n in ('ProtocolVersion', 'ProductVendor', 'ProductVersion'))
            + (transport, sealed, profiles))
    run('identify', identify_op)

    def get_service():
        service = body(send(p, envelope(p, GET, SERVICE, SERVICE_KEYS)))
        return 'Class=%s Name=%s SystemName=%s EnabledState=%s' % (
            local_name(service), prop(service, 'Name'), prop(service, 'SystemName'), prop(service, 'EnabledState'))
    run('get-service', get_service)

    memory = WMI + '/Msvm_Memory'

    def device_ids(items):
        return ','.join(sorted(prop(i, 'DeviceID') for i in items))

    def optimized():
        items, replies = enumerate_all(p, memory, optimize=True, max_elements=32000)
        return 'Items=%d Replies=%d DeviceIDs=%s' % (len(items), replies, device_ids(items))
    run('enumerate-optimized', optimized)

    def pulled():
        items, replies = enumerate_all(p, memory, pull_max=2)
        return 'Items=%d Replies=%d DeviceIDs=%s' % (len(items), replies, device_ids(items))
    run('enumerate-pull', pulled)

    def eprs():
        items, replies = enumerate_all(p, memory, optimize=True, max_elements=32000, mode='EnumerateEPR')
        uris = {epr_parts(i)[0] for i in items if local_name(i) == 'EndpointReference'}
        return 'Items=%d Replies=%d ResourceURIs=%s' % (len(items), replies, ','.join(sorted(uris)))
    run('enumerate-epr', eprs)

    def objects_and_eprs():
        items, replies = enumerate_all(p, memory, pull_max=3, mode='EnumerateObjectAndEPR')
        pairs = [i for i in items if local_name(i) == 'Item' and len(i) == 2 and local_name(i[1]) == 'EndpointReference']
        return 'Items=%d Replies=%d Pairs=%d' % (len(items), replies, len(pairs))
    run('enumerate-objepr', objects_and_eprs)

    def release():
        started = body(send(p, envelope(p, ENUMERATE, memory, None, enumerate_body())))
        pull = {'n:Pull': {'n:EnumerationContext': started.findtext('n:EnumerationContext', namespaces=NS)}}
        context = body(send(p, envelope(p, PULL, memory, None, pull))).findtext('n:EnumerationContext', namespaces=NS)
        released = send(p, envelope(p, RELEASE, memory, None, {'n:Release': {'n:EnumerationContext': context}}))
        try:
            send(p, envelope(p, PULL, memory, None, {'n:Pull': {'n:EnumerationContext': context}}))
            raise AssertionError('a Pull after Release succeeded')
        except WinRMError as e:
            data = fault_data(e)
        return 'Action=%s PullAfterRelease=%s %s' % (released.findtext('s:Header/a:Action', namespaces=NS),
                                                      data['fault_subcode'], data['wsmanfault_code'])
    run('release', release)

    def selector_filter():
        items, _ = enumerate_all(p, memory, optimize=True, max_elements=32000, mode='EnumerateEPR',
                                 dialect=SELECTOR_FILTER, filter_content={'w:SelectorSet': {
                                     'w:Selector': {'@Name': 'SystemName', '#text': 'HV-NODE1'}}})
        found['device1'] = items[0]
        return 'Items=%d SystemNames=%s' % (len(items), ','.join(sorted({dict(epr_parts(i)[1])['SystemName'] for i in items})))
    run('selector-filter', selector_filter)

    def wql():
        items, _ = enumerate_all(p, WMI + '/*', optimize=True, max_elements=32000, mode='EnumerateEPR', dialect=WQL,
                                 filter_content="SELECT * FROM Msvm_Memory WHERE SystemName = 'HV-NODE2'")
        found['device2'] = items[0]
        return 'Items=%d SystemNames=%s' % (len(items), ','.join(sorted({dict(epr_parts(i)[1])['SystemName'] for i in items})))
    run('wql', wql)

    def create_pool():
        devices = [epr_dict(found['device1']), epr_dict(found['device2'])]
        out = body(send(p, envelope(p, SERVICE + '/CreateResourcePool', SERVICE, SERVICE_KEYS, {
            'p:CreateResourcePool_INPUT': {'@xmlns:p': SERVICE, 'p:ElementName': name,
                                           'p:HostResources': devices, 'p:ResourceType': '4'}})))
        code = out.findtext('{%s}ReturnValue' % SERVICE)
        if code != '4096':
            raise AssertionError('ReturnValue %s' % code)
        found['job'] = out.find('{%s}Job' % SERVICE)
        found['pool'] = out.find('{%s}Pool' % SERVICE)
        return 'ReturnValue=%s HostResources=%d Job=%s Pool=%s' % (
            code, len(devices), dict(epr_parts(found['job'])[1])['InstanceID'], dict(epr_parts(found['pool'])[1])['InstanceID'])
    run('create-pool', create_pool)

    def poll_job():
        uri, selectors = epr_parts(found['job'])
        states = []
        for _ in range(100):
            job = body(send(p, envelope(p, GET, uri, selectors)))
            states.append(prop(job, 'JobState'))
            if states[-1] in ('7', '8', '9', '10'):
                break
            time.sleep(0.1)
        if states[-1] != '7':
            raise AssertionError('JobState %s (%s): %s' % (states[-1], ','.join(states), prop(job, 'ErrorDescription')))
        return 'JobState=%s Polls=%d States=%s PercentComplete=%s' % (
            states[-1], len(states), ','.join(states), prop(job, 'PercentComplete'))
    run('poll-job', poll_job)

    def pool_detail(pool):
        return 'Class=%s InstanceID=%s ResourceType=%s Capacity=%s ElementName=%s' % (
            local_name(pool), prop(pool, 'InstanceID'), prop(pool, 'ResourceType'), prop(pool, 'Capacity'),
            prop(pool, 'ElementName'))

    def get_pool():
        uri, selectors = epr_parts(found['pool'])
        return pool_detail(body(send(p, envelope(p, GET, uri, selectors))))
    run('get-pool', get_pool)

    def associators():
        items, _ = enumerate_all(p, WMI + '/*', optimize=True, max_elements=32000, dialect=ASSOCIATION_FILTER,
                                 filter_content={'b:AssociatedInstances': {
                                     'b:Object': epr_dict(found['job']),
                                     'b:AssociationClassName': 'Msvm_AffectedJobElement',
                                     'b:ResultClassName': 'Msvm_ResourcePool'}})
        if len(items) != 1:
            raise AssertionError('%d pools associated with the job' % len(items))
        return 'Items=%d %s' % (len(items), pool_detail(items[0]))
    run('association-filter', associators)

    def wql_associators():
        job_id = dict(epr_parts(found['job'])[1])['InstanceID']
        query = ("ASSOCIATORS OF {Msvm_ConcreteJob.InstanceID='%s'} WHERE AssocClass = Msvm_AffectedJobElement "
                 "ResultClass = Msvm_ResourcePool" % job_id)
        items, _ = enumerate_all(p, WMI + '/*', optimize=True, max_elements=32000, dialect=WQL, filter_content=query)
        if len(items) != 1:
            raise AssertionError('%d pools associated with the job' % len(items))
        return 'Items=%d %s' % (len(items), pool_detail(items[0]))
    run('wql-associators', wql_associators)

    missing = [('InstanceID', 'Microsoft:00000000-0000-0000-0000-000000000000')]

    def fault():
        message = envelope(p, GET, WMI + '/Msvm_ResourcePool', missing)
        try:
            p.send_message(message)
            raise AssertionError('Get of a missing pool succeeded')
        except WinRMError as e:
            data = fault_data(e)
        try:  # the same request one level down: pywinrm's transport keeps the reply itself
            p.transport.send_message(message)
            raise AssertionError('Get of a missing pool succeeded')
        except WinRMTransportError as e:
            reply = ET.fromstring(e.response_text)
            code = reply.find('s:Body/s:Fault/s:Detail/f:WSManFault', NS).get('Code')
            reason = reply.findtext('s:Body/s:Fault/s:Reason/s:Text', namespaces=NS).strip()
            status = e.code
        if code != data['wsmanfault_code']:
            raise AssertionError('WinRMError says %s, the reply %s' % (data['wsmanfault_code'], code))
        return 'Exception=WinRMError HttpStatus=%s WSManFaultCode=%s Subcode=%s Reason=%s' % (
            status, code, data['fault_subcode'], reason)
    run('fault', fault)

    def shell():
        try:
            shell_id = p.open_shell()
        except WinRMError as e:
            data = fault_data(e)
            raise Unsupported('hvemu serves no WinRS shell: open_shell (Create of .../windows/shell/cmd) raised '
                              'WinRMError %s %s: %s' % (data['fault_subcode'], data['wsmanfault_code'],
                                                        str(e).split(' (extended fault data')[0].strip()))
        p.close_shell(shell_id)
        return 'ShellId=%s' % shell_id
    run('shell', shell)


if __name__ == '__main__':
    main()
    sys.exit(1 if failures else 0)
