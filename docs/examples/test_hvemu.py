"""pytest against a running hvemu: the admin API with requests, WS-Man with pywinrm.

    java -jar target/hvemu.jar --user admin --password 'Pa55w.rd' --scenario docs/examples/scenario.json &
    /usr/bin/python3 -m pytest docs/examples/test_hvemu.py

HVEMU_URL, HVEMU_USER and HVEMU_PASSWORD point the tests at another emulator.
"""
import os
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
import requests
from winrm.protocol import Protocol

URL = os.environ.get('HVEMU_URL', 'http://127.0.0.1:5985/wsman')
ADMIN = URL.removesuffix('/wsman') + '/hvemu/admin'
AUTH = (os.environ.get('HVEMU_USER', 'admin'), os.environ.get('HVEMU_PASSWORD', 'Pa55w.rd'))

NS = {'s': 'http://www.w3.org/2003/05/soap-envelope', 'a': 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
      'w': 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd'}
ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous'
WMI = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/'
SERVICE = WMI + 'Msvm_ResourcePoolConfigurationService'
SERVICE_KEYS = {'CreationClassName': 'Msvm_ResourcePoolConfigurationService', 'Name': 'poolcfgsvc',
                'SystemCreationClassName': 'Msvm_ComputerSystem', 'SystemName': 'HVCLU01'}


def admin(method, path):
    """Calls the admin API; returns its JSON answer, or None for 204 No Content."""
    reply = requests.request(method, ADMIN + path, auth=AUTH, timeout=30)
    reply.raise_for_status()
    return reply.json() if reply.content else None


@pytest.fixture(autouse=True)
def reset():
    """Every test starts from the topology and the scenario, whatever the test before it did."""
    admin('POST', '/reset')


@pytest.fixture
def wsman():
    return Protocol(URL, transport='basic', username=AUTH[0], password=AUTH[1])


def selectors(keys):
    return ''.join(f'<w:Selector Name="{name}">{value}</w:Selector>' for name, value in keys.items())


def send(wsman, action, keys, body=''):
    """Sends one request to the pool service; returns the first element of the reply's body."""
    reply = wsman.send_message(f'''<s:Envelope xmlns:s="{NS['s']}" xmlns:a="{NS['a']}" xmlns:w="{NS['w']}">
      <s:Header>
        <a:To>{URL}</a:To><w:ResourceURI>{SERVICE}</w:ResourceURI>
        <a:ReplyTo><a:Address>{ANONYMOUS}</a:Address></a:ReplyTo>
        <a:Action>{action}</a:Action><a:MessageID>uuid:{uuid.uuid4()}</a:MessageID>
        <w:SelectorSet>{selectors(keys)}</w:SelectorSet>
      </s:Header>
      <s:Body>{body}</s:Body>
    </s:Envelope>''')
    return ET.fromstring(reply).find('s:Body', NS)[0]


def pools_named(name):
    return [p for p in admin('GET', '/instances/Msvm_ResourcePool') if p['properties']['ElementName'] == name]


def test_the_pool_service_is_on_the_cluster(wsman):
    service = send(wsman, 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', SERVICE_KEYS)
    assert service.findtext(f'{{{SERVICE}}}ElementName') == 'Resource Pool Configuration Service'
    [held] = admin('GET', '/instances/Msvm_ResourcePoolConfigurationService')
    assert held['keys']['SystemName'] == 'HVCLU01'


def test_a_pool_appears_when_the_harness_completes_its_job(wsman):
    memory = admin('GET', '/instances/Msvm_Memory')[0]['keys']
    output = send(wsman, SERVICE + '/CreateResourcePool', SERVICE_KEYS, f'''
      <p:CreateResourcePool_INPUT xmlns:p="{SERVICE}">
        <p:ElementName>PyPool</p:ElementName>
        <p:HostResources>
          <a:Address>{ANONYMOUS}</a:Address>
          <a:ReferenceParameters>
            <w:ResourceURI>{WMI}Msvm_Memory</w:ResourceURI><w:SelectorSet>{selectors(memory)}</w:SelectorSet>
          </a:ReferenceParameters>
        </p:HostResources>
        <p:ResourceType>4</p:ResourceType>
      </p:CreateResourcePool_INPUT>''')
    assert output.findtext(f'{{{SERVICE}}}ReturnValue') == '4096'  # a job was started
    job = output.find(f'{{{SERVICE}}}Job//w:Selector[@Name="InstanceID"]', NS).text

    # The scenario makes CreateResourcePool's jobs manual: the job waits, and the pool is not there yet.
    assert pools_named('PyPool') == []
    assert admin('POST', f'/jobs/{quote(job, safe="")}/complete')['jobState'] == 7
    assert len(pools_named('PyPool')) == 1
