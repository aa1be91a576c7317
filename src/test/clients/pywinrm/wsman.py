"""WS-Man messages for pywinrm's Protocol.send_message, built the way pywinrm builds its own: the header
from Protocol._get_soap_header (pywinrm's To placeholder, unqualified mustUnderstand, its MaxEnvelopeSize and
OperationTimeout), the rest as xmltodict dicts; replies are read with ElementTree by namespace URI."""
import re
import xml.etree.ElementTree as ET

import xmltodict

NS = {
    's': 'http://www.w3.org/2003/05/soap-envelope',
    'a': 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
    'w': 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
    'n': 'http://schemas.xmlsoap.org/ws/2004/09/enumeration',
    'wsmid': 'http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd',
    'f': 'http://schemas.microsoft.com/wbem/wsman/1/wsmanfault',
}
WMI = 'http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2'
ANONYMOUS = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous'
GET = 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Get'
ENUMERATE = 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate'
PULL = 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull'
RELEASE = 'http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release'
WQL = 'http://schemas.microsoft.com/wbem/wsman/1/WQL'
SELECTOR_FILTER = 'http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter'
ASSOCIATION_FILTER = 'http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter'


def identify():
    """The Identify request: no header at all (DSP0226 §11)."""
    return xmltodict.unparse({'s:Envelope': {
        '@xmlns:s': NS['s'], '@xmlns:wsmid': NS['wsmid'], 's:Header': None, 's:Body': {'wsmid:Identify': None}}})


def envelope(protocol, action, resource_uri, selectors=None, body=None):
    """A request of pywinrm's shape; selectors is a dict or a list of (name, value) pairs."""
    env = protocol._get_soap_header(action=action, resource_uri=resource_uri)
    if selectors:
        pairs = selectors.items() if isinstance(selectors, dict) else selectors
        env['env:Header']['w:SelectorSet'] = {'w:Selector': [{'@Name': k, '#text': v} for k, v in pairs]}
    env['env:Body'] = body or {}
    return xmltodict.unparse({'env:Envelope': env})


def send(protocol, message):
    """Sends message and returns the reply's root; checks RelatesTo as pywinrm's own close_shell does."""
    root = ET.fromstring(protocol.send_message(message))
    sent = re.search(r'<a:MessageID>([^<]*)</a:MessageID>', message)
    relates_to = root.findtext('s:Header/a:RelatesTo', namespaces=NS)
    if sent and relates_to != sent.group(1):
        raise AssertionError('RelatesTo %r is not the MessageID sent, %r' % (relates_to, sent.group(1)))
    return root


def body(root):
    """The first element of the reply's body."""
    return root.find('s:Body', NS)[0]


def enumerate_body(optimize=False, max_elements=None, mode=None, dialect=None, filter_content=None):
    """An n:Enumerate body; filter_content is the w:Filter's text or a dict of its children."""
    e = {}
    if optimize:
        e['w:OptimizeEnumeration'] = None
    if max_elements:
        e['w:MaxElements'] = str(max_elements)
    if mode:
        e['w:EnumerationMode'] = mode
    if dialect:
        f = {'@Dialect': dialect}
        if isinstance(filter_content, dict):
            f.update(filter_content)
        else:
            f['#text'] = filter_content
        e['w:Filter'] = f
    return {'n:Enumerate': e}


def enumerate_all(protocol, resource_uri, selectors=None, pull_max=None, **enumerate_options):
    """Enumerates, then pulls while the reply carries a context; returns (items, number of replies)."""
    reply = body(send(protocol, envelope(protocol, ENUMERATE, resource_uri, selectors,
                                         enumerate_body(**enumerate_options))))
    items, replies = _items(reply, 'w'), 1
    while reply.find('w:EndOfSequence', NS) is None and reply.find('n:EndOfSequence', NS) is None:
        context = reply.findtext('n:EnumerationContext', namespaces=NS)
        if not context:
            break
        if replies > 1000:
            raise AssertionError('still pulling after 1000 replies')
        pull = {'n:EnumerationContext': context}
        if pull_max:
            pull['n:MaxElements'] = str(pull_max)
        reply = body(send(protocol, envelope(protocol, PULL, resource_uri, selectors, {'n:Pull': pull})))
        items += _items(reply, 'n')
        replies += 1
    return items, replies


def _items(reply, prefix):
    found = reply.find(prefix + ':Items', NS)
    return [] if found is None else list(found)


def prop(instance, name):
    """The text of property name of an instance element (any class namespace)."""
    for child in instance:
        if child.tag.endswith('}' + name):
            return child.text
    return None


def local_name(element):
    return element.tag.rsplit('}', 1)[-1]


def epr_parts(epr):
    """(ResourceURI, [(selector name, value)]) of an EPR element or of a parameter holding EPR children."""
    params = epr.find('a:ReferenceParameters', NS)
    uri = params.findtext('w:ResourceURI', namespaces=NS)
    selectors = [(s.get('Name'), s.text) for s in params.findall('w:SelectorSet/w:Selector', NS)]
    return uri, selectors


def epr_dict(epr):
    """An EPR as xmltodict content of a REF parameter: its children, a:Address and a:ReferenceParameters."""
    uri, selectors = epr_parts(epr)
    return {'a:Address': epr.findtext('a:Address', namespaces=NS) or ANONYMOUS,
            'a:ReferenceParameters': {'w:ResourceURI': uri, 'w:SelectorSet': {
                'w:Selector': [{'@Name': k, '#text': v} for k, v in selectors]}}}
