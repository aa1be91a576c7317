#!/usr/bin/python3
"""Drives hvemu with SPNEGO-wrapped NTLM from MIT Kerberos' GSS-API and gss-ntlmssp (Debian python3-gssapi and
gss-ntlmssp), the way Windows' SSPI frames Negotiate: NegTokenInit, NegTokenResp with the AUTHENTICATE_MESSAGE
and a mechListMIC, then every message sealed with gss_wrap (MS-WSMV 2.2.9.1), on one HTTP connection. Prints one
line per operation for hvemu.testsupport.RealClient:

    hvemu-client: <operation> ok|fail|unsupported <detail>

Environment: HVEMU_HOSTPORT, HVEMU_USER (DOMAIN\\name), HVEMU_PASSWORD (set by RealClient)."""
import base64
import http.client
import os
import re
import sys
import traceback

import gssapi
import gssapi.raw

SPNEGO = gssapi.OID.from_int_seq('1.3.6.1.5.5.2')
NTLMSSP = gssapi.OID.from_int_seq('1.3.6.1.4.1.311.2.2.10')
BOUNDARY = b'--Encrypted Boundary'
PROTOCOL = 'application/HTTP-SPNEGO-session-encrypted'
SEALED = 'multipart/encrypted;protocol="%s";boundary="Encrypted Boundary"' % PROTOCOL
WMI = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2'
SERVICE = WMI + '/Msvm_ResourcePoolConfigurationService'
failures = 0


def run(operation, action):
    global failures
    try:
        print('hvemu-client: %s ok %s' % (operation, action()), flush=True)
    except Exception as e:
        failures += 1
        print('hvemu-client: %s fail %s: %s' % (operation, type(e).__name__, e), flush=True)
        traceback.print_exc(file=sys.stdout)


def envelope(action, uri, selectors, body=''):
    keys = ''.join('<w:Selector Name="%s">%s</w:Selector>' % kv for kv in selectors)
    return ('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
            'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
            'xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"><s:Header>'
            '<a:To>http://windows-host:5985/wsman</a:To><w:ResourceURI s:mustUnderstand="true">%s</w:ResourceURI>'
            '<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/'
            'anonymous</a:Address></a:ReplyTo><a:Action s:mustUnderstand="true">%s</a:Action>'
            '<a:MessageID>uuid:0F0FF71E-EF69-46ED-8F97-01A2602015C4</a:MessageID>'
            '<w:SelectorSet>%s</w:SelectorSet></s:Header><s:Body>%s</s:Body></s:Envelope>'
            % (uri, action, keys, body)).encode('utf-8')


class Session:
    """One HTTP connection, authenticated by a SPNEGO context over gss-ntlmssp."""

    def __init__(self, hostport, user, password):
        host, port = hostport.rsplit(':', 1)
        self.http = http.client.HTTPConnection(host, int(port), timeout=30)
        name = gssapi.Name(user, gssapi.NameType.user)
        # SPNEGO's credentials for what it can offer here (no Kerberos ticket: NTLM), as pyspnego acquires them.
        creds = gssapi.raw.acquire_cred_with_password(name, password.encode('utf-8'), usage='initiate',
                                                      mechs=[SPNEGO]).creds
        gssapi.raw.set_neg_mechs(creds, [NTLMSSP])
        target = gssapi.Name('HTTP@' + host, gssapi.NameType.hostbased_service)
        self.context = gssapi.SecurityContext(name=target, creds=creds, mech=SPNEGO, usage='initiate',
                                              flags=gssapi.RequirementFlag.integrity
                                              | gssapi.RequirementFlag.confidentiality)

    def post(self, body, content_type=None, token=None):
        headers = {'Content-Length': str(len(body))}
        if content_type:
            headers['Content-Type'] = content_type
        if token is not None:
            headers['Authorization'] = 'Negotiate ' + base64.b64encode(token).decode('ascii')
        self.http.request('POST', '/wsman', body=body, headers=headers)
        reply = self.http.getresponse()
        return reply.status, reply.getheader('WWW-Authenticate') or '', reply.getheader('Content-Type') or '', reply.read()

    def authenticate(self):
        """NegTokenInit, then NegTokenResp with the AUTHENTICATE_MESSAGE; returns the final status."""
        token = self.context.step()
        status, offered, _, _ = self.post(b'', token=token)
        while not self.context.complete:
            if status != 401 or not offered.startswith('Negotiate '):
                return status
            token = self.context.step(base64.b64decode(offered[10:]))
            status, offered, _, _ = self.post(b'', token=token)
            if status == 200 and offered.startswith('Negotiate ') and not self.context.complete:
                self.context.step(base64.b64decode(offered[10:]))
        return status

    def sealed(self, message):
        wrapped = self.context.wrap(message, True).message  # the 16-byte NTLM signature, then the sealed bytes
        body = (BOUNDARY + b'\r\n\tContent-Type: ' + PROTOCOL.encode() + b'\r\n'
                b'\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=' + str(len(message)).encode()
                + b'\r\n' + BOUNDARY + b'\r\n\tContent-Type: application/octet-stream\r\n'
                + len(wrapped[:16]).to_bytes(4, 'little') + wrapped + BOUNDARY + b'--\r\n')
        status, _, content_type, reply = self.post(body, SEALED)
        if not content_type.startswith('multipart/encrypted'):
            raise AssertionError('HTTP %d, a reply not sealed: %r' % (status, reply[:200]))
        length = int(re.search(rb'Length=(\d+)', reply).group(1))
        start = reply.index(b'application/octet-stream\r\n') + len(b'application/octet-stream\r\n') + 4
        return status, self.context.unwrap(reply[start:start + 16 + length]).message.decode('utf-8')


def main():
    hostport, user, password = os.environ['HVEMU_HOSTPORT'], os.environ['HVEMU_USER'], os.environ['HVEMU_PASSWORD']
    s = Session(hostport, user, password)

    def handshake():
        status = s.authenticate()
        if status != 200 or not s.context.complete:
            raise AssertionError('the handshake ended with HTTP %d' % status)
        return 'Mech=%s Complete=%s' % ('ntlmssp' if s.context.mech == NTLMSSP else s.context.mech, s.context.complete)
    run('handshake', handshake)

    def identify():
        status, reply = s.sealed(b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
                                 b'xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd">'
                                 b'<s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>')
        version = re.search(r'<wsmid:ProductVersion>([^<]*)<', reply).group(1)
        profiles = ','.join(re.findall(r'<wsmid:SecurityProfileName>([^<]*)<', reply))
        return 'HttpStatus=%d ProductVersion="%s" SecurityProfiles=%s' % (status, version, profiles)
    run('identify', identify)

    keys = [('CreationClassName', 'Msvm_ResourcePoolConfigurationService'), ('Name', 'poolcfgsvc'),
            ('SystemCreationClassName', 'Msvm_ComputerSystem'), ('SystemName', 'HVCLU01')]

    def get():
        status, reply = s.sealed(envelope('http://schemas.xmlsoap.org/ws/2004/09/transfer/Get', SERVICE, keys))
        return 'HttpStatus=%d ElementName="%s"' % (status, re.search(r'<p:ElementName>([^<]*)<', reply).group(1))
    run('get-service', get)

    def create():
        body = ('<p:CreateResourcePool_INPUT xmlns:p="%s"><p:ElementName>SpnegoPool</p:ElementName>'
                '<p:ResourceType>4</p:ResourceType></p:CreateResourcePool_INPUT>' % SERVICE)
        status, reply = s.sealed(envelope(SERVICE + '/CreateResourcePool', SERVICE, keys, body))
        code = re.search(r'<p:ReturnValue>([^<]*)<', reply).group(1)
        pool = re.search(r'<p:Pool.*?Name="InstanceID">([^<]*)<', reply, re.S).group(1)
        return 'HttpStatus=%d ReturnValue=%s Pool=%s' % (status, code, pool)
    run('create-pool', create)

    def wrong_password():
        other = Session(hostport, user, password + 'x')
        try:
            status = other.authenticate()
        except gssapi.exceptions.GSSError as e:
            return 'Refused=yes GSSError="%s"' % str(e).replace('"', "'").replace('\n', ' ')[:120]
        if status != 401:
            raise AssertionError('HTTP %d with a wrong password' % status)
        return 'Refused=yes HttpStatus=%d' % status
    run('wrong-password', wrong_password)


if __name__ == '__main__':
    main()
    sys.exit(1 if failures else 0)
