// Command flow drives hvemu with the Go WinRM library github.com/masterzen/winrm (Debian's
// golang-github-masterzen-winrm-dev), as hvemu.clients.GoWinrmIT runs it. The library's own API is the WinRS
// shell; every other WS-Man message is built with its soap package and simplexml DOM and posted through the
// client's Transporter, as users of the library do. It prints one line per operation:
//
//	hvemu-client: <operation> ok|fail|unsupported <detail>
//
// Environment: HVEMU_HOSTPORT, HVEMU_USER, HVEMU_PASSWORD (set by hvemu.testsupport.RealClient); HVEMU_POOL_NAME,
// the ElementName of the pool it makes (GoPool-<pid> by default); HVEMU_TRANSPORT=ntlm for the library's
// ClientNTLM (go-ntlmssp under Negotiate, no message encryption) instead of Basic.
package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ChrisTrenkamp/goxpath"
	"github.com/ChrisTrenkamp/goxpath/tree"
	"github.com/ChrisTrenkamp/goxpath/tree/xmltree"
	"github.com/gofrs/uuid"
	"github.com/masterzen/simplexml/dom"
	"github.com/masterzen/winrm"
	"github.com/masterzen/winrm/soap"
)

const (
	wmi        = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/"
	service    = wmi + "CIM_ResourcePoolConfigurationService"
	anonymous  = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous"
	transfer   = "http://schemas.xmlsoap.org/ws/2004/09/transfer/"
	enum       = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/"
	wqlURI     = "http://schemas.microsoft.com/wbem/wsman/1/WQL"
	selDialect = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter"
	assocDial  = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter"
)

var (
	nsIdentity = dom.Namespace{Prefix: "wsmid", Uri: "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"}
	xpathNS    = map[string]string{
		"s":     soap.NS_SOAP_ENV,
		"a":     soap.NS_ADDRESSING,
		"w":     soap.NS_WSMAN_DMTF,
		"n":     soap.NS_ENUM,
		"f":     soap.NS_WSMAN_FAULT,
		"wsmid": nsIdentity.Uri,
	}
	// The default topology's service (mof/topology/default-cluster.mof; scripts/lib/wsman.sh).
	serviceKeys = []selector{
		{"CreationClassName", "Msvm_ResourcePoolConfigurationService"},
		{"Name", "poolcfgsvc"},
		{"SystemCreationClassName", "Msvm_ComputerSystem"},
		{"SystemName", "HVCLU01"},
	}
)

type selector struct{ name, value string }

// epr is an endpoint reference as WS-Man writes it: a resource URI and its key selectors.
type epr struct {
	resourceURI string
	selectors   []selector
}

func (e epr) key(name string) string {
	for _, s := range e.selectors {
		if s.name == name {
			return s.value
		}
	}
	return ""
}

// session is a masterzen/winrm client and the Transporter it was configured with.
type session struct {
	client    *winrm.Client
	transport winrm.Transporter
	url       string
	params    *winrm.Parameters
}

func main() {
	hostport := os.Getenv("HVEMU_HOSTPORT")
	i := strings.LastIndex(hostport, ":")
	port, err := strconv.Atoi(hostport[i+1:])
	if i < 0 || err != nil {
		fmt.Println("HVEMU_HOSTPORT must be host:port, not", hostport)
		os.Exit(2)
	}
	endpoint := winrm.NewEndpoint(hostport[:i], port, false, false, nil, nil, nil, 20*time.Second)
	params := winrm.NewParameters("PT60S", "en-US", 153600)
	s := &session{url: fmt.Sprintf("http://%s/wsman", hostport), params: params}
	// The client's default transport (Basic, preemptive) or its NTLM one, kept so messages other than WinRS can
	// be posted.
	params.TransportDecorator = func() winrm.Transporter {
		if os.Getenv("HVEMU_TRANSPORT") == "ntlm" {
			s.transport = winrm.NewClientNTLMWithDial(nil)
		} else {
			s.transport = winrm.NewClientWithDial(nil)
		}
		return s.transport
	}
	s.client, err = winrm.NewClientWithParameters(endpoint, os.Getenv("HVEMU_USER"), os.Getenv("HVEMU_PASSWORD"), params)
	if err != nil {
		fmt.Println("NewClientWithParameters:", err)
		os.Exit(2)
	}
	s.run()
	if failed {
		os.Exit(1)
	}
}

// failed is set by the first operation that fails; the program then exits 1.
var failed bool

func report(operation, status, detail string) {
	failed = failed || status == "fail"
	fmt.Println(strings.TrimSpace(fmt.Sprintf("hvemu-client: %s %s %s", operation, status, strings.Join(strings.Fields(detail), " "))))
}

func step(operation string, action func() (string, error)) bool {
	detail, err := action()
	if err != nil {
		report(operation, "fail", err.Error())
		return false
	}
	report(operation, "ok", detail)
	return true
}

func (s *session) run() {
	step("identify", s.identify)
	step("get", s.getService)
	step("enumerate", func() (string, error) { return s.enumerateCount("CIM_ResourcePool", 0) })
	step("enumerate-optimized", func() (string, error) { return s.enumerateCount("CIM_ResourcePool", 5) })
	step("release", s.release)

	var node1, node2 epr
	step("enumerate-epr", func() (string, error) {
		eprs, err := s.memoryEPRs()
		if err == nil {
			node1 = eprs[0]
		}
		return fmt.Sprintf("count=%d first=%s/%s", len(eprs), node1.key("SystemName"), node1.key("DeviceID")), err
	})
	step("selector-filter", func() (string, error) {
		items, err := s.enumerate(wmi+"Msvm_Memory", "", 0, selectorFilter([]selector{{"SystemName", "HV-NODE2"}}), nil)
		if err != nil {
			return "", err
		}
		names := values(items, "SystemName")
		for _, n := range names {
			if n != "HV-NODE2" {
				return "", fmt.Errorf("the filter SystemName=HV-NODE2 returned memory of %s", n)
			}
		}
		return fmt.Sprintf("count=%d SystemName=HV-NODE2", len(items)), nil
	})
	step("wql", func() (string, error) {
		items, err := s.enumerate(wmi+"*", "", 0, textFilter("SELECT * FROM Msvm_Memory WHERE SystemName = 'HV-NODE2'"), nil)
		if err != nil {
			return "", err
		}
		if len(items) == 0 {
			return "", errors.New("no memory on HV-NODE2")
		}
		node2 = epr{wmi + "Msvm_Memory", []selector{
			{"CreationClassName", value(items[0], "CreationClassName")},
			{"DeviceID", value(items[0], "DeviceID")},
			{"SystemCreationClassName", value(items[0], "SystemCreationClassName")},
			{"SystemName", value(items[0], "SystemName")},
		}}
		return fmt.Sprintf("count=%d first=%s/%s", len(items), node2.key("SystemName"), node2.key("DeviceID")), nil
	})

	name := os.Getenv("HVEMU_POOL_NAME")
	if name == "" {
		name = fmt.Sprintf("GoPool-%d", os.Getpid())
	}
	var job, pool string
	created := step("create-resource-pool", func() (string, error) {
		if node1.resourceURI == "" || node2.resourceURI == "" {
			return "", errors.New("no memory devices found to pool")
		}
		var err error
		var code string
		code, job, pool, err = s.createResourcePool(name, node1, node2)
		return fmt.Sprintf("ReturnValue=%s Job=%s Pool=%s", code, job, pool), err
	})
	if !created {
		for _, op := range []string{"job", "association", "find-pool"} {
			report(op, "fail", "CreateResourcePool failed")
		}
	} else {
		step("job", func() (string, error) { return s.pollJob(job) })
		step("association", func() (string, error) { return s.poolOfJob(job, pool, name) })
		step("find-pool", func() (string, error) { return s.findPool(pool, name) })
	}
	s.winrs()
}

// --- messages -------------------------------------------------------------------------------------------------

// newMessage returns a message whose envelope carries the headers masterzen/winrm writes for its own requests
// (env: prefix, unqualified mustUnderstand, uuid: MessageID, Locale, DataLocale, OperationTimeout), plus the
// SelectorSet the library's header builder can only write for ShellId. Its Body is returned for the caller to fill.
func (s *session) newMessage(action, resourceURI string, selectors []selector) (*soap.SoapMessage, *dom.Element) {
	message := soap.NewMessage()
	envelope := dom.CreateElement("Envelope")
	soap.AddUsualNamespaces(envelope)
	envelope.DeclareNamespace(soap.DOM_NS_ENUM)
	envelope.DeclareNamespace(soap.DOM_NS_CIMBINDING)
	soap.DOM_NS_SOAP_ENV.SetTo(envelope)
	header := add(envelope, "Header", soap.DOM_NS_SOAP_ENV, "")
	add(header, "To", soap.DOM_NS_ADDRESSING, s.url)
	if resourceURI != "" {
		add(header, "ResourceURI", soap.DOM_NS_WSMAN_DMTF, resourceURI).SetAttr("mustUnderstand", "true")
	}
	replyTo := add(header, "ReplyTo", soap.DOM_NS_ADDRESSING, "")
	add(replyTo, "Address", soap.DOM_NS_ADDRESSING, anonymous).SetAttr("mustUnderstand", "true")
	add(header, "Action", soap.DOM_NS_ADDRESSING, action).SetAttr("mustUnderstand", "true")
	add(header, "MaxEnvelopeSize", soap.DOM_NS_WSMAN_DMTF, strconv.Itoa(s.params.EnvelopeSize)).SetAttr("mustUnderstand", "true")
	add(header, "MessageID", soap.DOM_NS_ADDRESSING, "uuid:"+uuid.Must(uuid.NewV4()).String())
	add(header, "Locale", soap.DOM_NS_WSMAN_DMTF, "").SetAttr("mustUnderstand", "false").SetAttr("xml:lang", s.params.Locale)
	add(header, "DataLocale", soap.DOM_NS_WSMAN_MSFT, "").SetAttr("mustUnderstand", "false").SetAttr("xml:lang", s.params.Locale)
	add(header, "OperationTimeout", soap.DOM_NS_WSMAN_DMTF, s.params.Timeout)
	if len(selectors) > 0 {
		addSelectorSet(header, selectors)
	}
	body := add(envelope, "Body", soap.DOM_NS_SOAP_ENV, "")
	message.Doc().SetRoot(envelope)
	return message, body
}

// add appends an element with text content (escaped: the DOM writes content as it is given).
func add(parent *dom.Element, name string, ns dom.Namespace, text string) *dom.Element {
	e := dom.CreateElement(name)
	parent.AddChild(e)
	ns.SetTo(e)
	if text != "" {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(text))
		e.SetContent(b.String())
	}
	return e
}

func addSelectorSet(parent *dom.Element, selectors []selector) {
	set := add(parent, "SelectorSet", soap.DOM_NS_WSMAN_DMTF, "")
	for _, sel := range selectors {
		add(set, "Selector", soap.DOM_NS_WSMAN_DMTF, sel.value).SetAttr("Name", sel.name)
	}
}

func addEPR(parent *dom.Element, e epr) {
	add(parent, "Address", soap.DOM_NS_ADDRESSING, anonymous)
	rp := add(parent, "ReferenceParameters", soap.DOM_NS_ADDRESSING, "")
	add(rp, "ResourceURI", soap.DOM_NS_WSMAN_DMTF, e.resourceURI)
	addSelectorSet(rp, e.selectors)
}

// post sends a message through the client's Transporter and parses the reply; a fault becomes an error naming
// its subcode and message. The library's Post returns a fault (HTTP 500) as a reply with no error: its deferred
// status check assigns to locals, not to its unnamed results (http.go, Debian's 2020-06 snapshot). So every
// reply is looked at for s:Fault, as its users must.
func (s *session) post(message *soap.SoapMessage) (tree.Node, error) {
	reply, err := s.transport.Post(s.client, message)
	if err != nil {
		return nil, err
	}
	doc, err := xmltree.ParseXML(strings.NewReader(reply))
	if err != nil {
		return nil, fmt.Errorf("unreadable reply %q: %v", reply, err)
	}
	if len(nodes(doc, "/s:Envelope/s:Body/s:Fault")) > 0 {
		return nil, errors.New(faultOf(doc))
	}
	return doc, nil
}

// faultOf is a fault's subcode and message.
func faultOf(doc tree.Node) string {
	message := first(doc, "//f:WSManFault/f:Message")
	if message == "" {
		message = first(doc, "//s:Reason/s:Text")
	}
	return fmt.Sprintf("fault %s: %s", first(doc, "//s:Fault/s:Code/s:Subcode/s:Value"), strings.TrimSpace(message))
}

func nodes(n tree.Node, xpath string) []tree.Node {
	found, err := goxpath.MustParse(xpath).ExecNode(n, func(o *goxpath.Opts) { o.NS = xpathNS })
	if err != nil {
		return nil
	}
	return found
}

func first(n tree.Node, xpath string) string {
	found := nodes(n, xpath)
	if len(found) == 0 {
		return ""
	}
	return found[0].ResValue()
}

// value is the text of a CIM property of an instance element, whatever the class's namespace.
func value(instance tree.Node, property string) string {
	return first(instance, "./*[local-name()='"+property+"']")
}

func values(instances []tree.Node, property string) []string {
	var out []string
	for _, i := range instances {
		out = append(out, value(i, property))
	}
	return out
}

func eprOf(n tree.Node) epr {
	e := epr{resourceURI: first(n, ".//w:ResourceURI")}
	for _, sel := range nodes(n, ".//w:SelectorSet/w:Selector") {
		name, _ := tree.GetAttributeVal(sel.(tree.Elem), "Name", "")
		e.selectors = append(e.selectors, selector{name, sel.ResValue()})
	}
	return e
}

// --- operations -----------------------------------------------------------------------------------------------

func (s *session) identify() (string, error) {
	message := soap.NewMessage()
	envelope := dom.CreateElement("Envelope")
	soap.DOM_NS_SOAP_ENV.SetTo(envelope)
	envelope.DeclareNamespace(soap.DOM_NS_SOAP_ENV)
	envelope.DeclareNamespace(nsIdentity)
	add(envelope, "Header", soap.DOM_NS_SOAP_ENV, "")
	add(add(envelope, "Body", soap.DOM_NS_SOAP_ENV, ""), "Identify", nsIdentity, "")
	message.Doc().SetRoot(envelope)
	reply, err := s.post(message)
	if err != nil {
		return "", err
	}
	vendor := first(reply, "//wsmid:IdentifyResponse/wsmid:ProductVendor")
	if vendor == "" {
		return "", errors.New("no IdentifyResponse/ProductVendor in the reply")
	}
	return fmt.Sprintf("ProductVendor=%q ProtocolVersion=%s", vendor, first(reply, "//wsmid:ProtocolVersion")), nil
}

func (s *session) getService() (string, error) {
	message, _ := s.newMessage(transfer+"Get", service, serviceKeys)
	reply, err := s.post(message)
	if err != nil {
		return "", err
	}
	found := nodes(reply, "//s:Body/*")
	if len(found) != 1 {
		return "", fmt.Errorf("the Get reply has %d body elements", len(found))
	}
	svc := found[0]
	return fmt.Sprintf("Name=%s SystemName=%s EnabledState=%s", value(svc, "Name"), value(svc, "SystemName"), value(svc, "EnabledState")), nil
}

type filterWriter func(enumerate *dom.Element)

func textFilter(query string) filterWriter {
	return func(e *dom.Element) { add(e, "Filter", soap.DOM_NS_WSMAN_DMTF, query).SetAttr("Dialect", wqlURI) }
}

func selectorFilter(selectors []selector) filterWriter {
	return func(e *dom.Element) {
		f := add(e, "Filter", soap.DOM_NS_WSMAN_DMTF, "")
		f.SetAttr("Dialect", selDialect)
		addSelectorSet(f, selectors)
	}
}

// lastPulls counts the Pulls of the last enumeration.
var lastPulls int

// enumerate runs Enumerate then Pull until EndOfSequence. optimize > 0 asks for optimized enumeration with that
// MaxElements (and Pulls as many; 100 otherwise); mode is "", EnumerateEPR or EnumerateObjectAndEPR. It returns
// the items: instance elements, or EPRs. With release, it hands the context to release instead of pulling.
func (s *session) enumerate(resourceURI, mode string, optimize int, filter filterWriter, release func(context string) error) ([]tree.Node, error) {
	message, body := s.newMessage(enum+"Enumerate", resourceURI, nil)
	e := add(body, "Enumerate", soap.DOM_NS_ENUM, "")
	if optimize > 0 {
		add(e, "OptimizeEnumeration", soap.DOM_NS_WSMAN_DMTF, "")
		add(e, "MaxElements", soap.DOM_NS_WSMAN_DMTF, strconv.Itoa(optimize))
	}
	if mode != "" {
		add(e, "EnumerationMode", soap.DOM_NS_WSMAN_DMTF, mode)
	}
	if filter != nil {
		filter(e)
	}
	reply, err := s.post(message)
	if err != nil {
		return nil, err
	}
	items := nodes(reply, "//n:EnumerateResponse/w:Items/*")
	ended := len(nodes(reply, "//n:EnumerateResponse/w:EndOfSequence")) > 0
	context := first(reply, "//n:EnumerateResponse/n:EnumerationContext")
	if release != nil {
		return items, release(context)
	}
	lastPulls = 0
	for !ended {
		if context == "" {
			return nil, errors.New("a response with neither EndOfSequence nor an EnumerationContext")
		}
		if lastPulls++; lastPulls > 100 {
			return nil, errors.New("no EndOfSequence after 100 Pulls")
		}
		pull, pbody := s.newMessage(enum+"Pull", resourceURI, nil)
		p := add(pbody, "Pull", soap.DOM_NS_ENUM, "")
		add(p, "EnumerationContext", soap.DOM_NS_ENUM, context)
		max := optimize
		if max == 0 {
			max = 100
		}
		add(p, "MaxElements", soap.DOM_NS_ENUM, strconv.Itoa(max))
		reply, err = s.post(pull)
		if err != nil {
			return nil, err
		}
		items = append(items, nodes(reply, "//n:PullResponse/n:Items/*")...)
		ended = len(nodes(reply, "//n:PullResponse/n:EndOfSequence")) > 0
		context = first(reply, "//n:PullResponse/n:EnumerationContext")
	}
	return items, nil
}

func (s *session) enumerateCount(class string, maxElements int) (string, error) {
	items, err := s.enumerate(wmi+class, "", maxElements, nil, nil)
	if err != nil {
		return "", err
	}
	primordial := 0
	for _, p := range values(items, "Primordial") {
		if p == "true" {
			primordial++
		}
	}
	return fmt.Sprintf("count=%d primordial=%d pulls=%d", len(items), primordial, lastPulls), nil
}

// release starts a context enumeration and gives the context back with Release before pulling anything.
func (s *session) release() (string, error) {
	var released string
	_, err := s.enumerate(wmi+"CIM_ResourcePool", "", 0, nil, func(context string) error {
		if context == "" {
			return errors.New("the Enumerate reply has no EnumerationContext")
		}
		message, body := s.newMessage(enum+"Release", wmi+"CIM_ResourcePool", nil)
		add(add(body, "Release", soap.DOM_NS_ENUM, ""), "EnumerationContext", soap.DOM_NS_ENUM, context)
		if _, err := s.post(message); err != nil {
			return err
		}
		released = context
		// A Pull of the released context must now fail.
		pull, pbody := s.newMessage(enum+"Pull", wmi+"CIM_ResourcePool", nil)
		add(add(pbody, "Pull", soap.DOM_NS_ENUM, ""), "EnumerationContext", soap.DOM_NS_ENUM, context)
		_, err := s.post(pull)
		if err == nil {
			return errors.New("a Pull of the released context succeeded")
		}
		released += " then Pull " + err.Error()
		return nil
	})
	return "context=" + released, err
}

// memoryEPRs enumerates the memory of HV-NODE1 as EPRs (optimized, EnumerateEPR, a SelectorFilter).
func (s *session) memoryEPRs() ([]epr, error) {
	filter := selectorFilter([]selector{{"SystemName", "HV-NODE1"}})
	items, err := s.enumerate(wmi+"Msvm_Memory", "EnumerateEPR", 32000, filter, nil)
	if err != nil {
		return nil, err
	}
	var out []epr
	for _, item := range items {
		e := eprOf(item)
		if e.key("SystemName") != "HV-NODE1" || e.key("DeviceID") == "" {
			return nil, fmt.Errorf("not an EPR of HV-NODE1's memory: %+v", e)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, errors.New("no memory EPRs for HV-NODE1")
	}
	return out, nil
}

func (s *session) createResourcePool(name string, devices ...epr) (code, job, pool string, err error) {
	message, body := s.newMessage(service+"/CreateResourcePool", service, serviceKeys)
	pns := dom.Namespace{Prefix: "p", Uri: service}
	in := add(body, "CreateResourcePool_INPUT", pns, "")
	add(in, "ElementName", pns, name)
	for _, d := range devices {
		addEPR(add(in, "HostResources", pns, ""), d)
	}
	add(in, "ResourceType", pns, "4")
	reply, err := s.post(message)
	if err != nil {
		return "", "", "", err
	}
	out := nodes(reply, "//s:Body/*")
	if len(out) != 1 {
		return "", "", "", errors.New("no CreateResourcePool_OUTPUT")
	}
	code = value(out[0], "ReturnValue")
	for _, p := range nodes(out[0], "./*[local-name()='Job']") {
		job = eprOf(p).key("InstanceID")
	}
	for _, p := range nodes(out[0], "./*[local-name()='Pool']") {
		pool = eprOf(p).key("InstanceID")
	}
	if code != "4096" && code != "0" {
		return code, job, pool, fmt.Errorf("ReturnValue %s", code)
	}
	if pool == "" || (code == "4096" && job == "") {
		return code, job, pool, errors.New("the output lacks the Pool or Job reference")
	}
	return code, job, pool, nil
}

func (s *session) get(class, instanceID string) (tree.Node, error) {
	message, _ := s.newMessage(transfer+"Get", wmi+class, []selector{{"InstanceID", instanceID}})
	reply, err := s.post(message)
	if err != nil {
		return nil, err
	}
	found := nodes(reply, "//s:Body/*")
	if len(found) != 1 {
		return nil, fmt.Errorf("the Get reply has %d body elements", len(found))
	}
	return found[0], nil
}

func (s *session) pollJob(job string) (string, error) {
	var states []string
	for polls := 1; polls <= 100; polls++ {
		instance, err := s.get("Msvm_ConcreteJob", job)
		if err != nil {
			return "", err
		}
		state := value(instance, "JobState")
		if len(states) == 0 || states[len(states)-1] != state {
			states = append(states, state)
		}
		switch state {
		case "7":
			return fmt.Sprintf("JobState=7 PercentComplete=%s polls=%d states=%s", value(instance, "PercentComplete"), polls, strings.Join(states, ",")), nil
		case "8", "9", "10":
			return "", fmt.Errorf("JobState %s: %s", state, value(instance, "ErrorDescription"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	return "", fmt.Errorf("the job did not complete; states seen %s", strings.Join(states, ","))
}

// poolOfJob follows Msvm_AffectedJobElement from the job to the pool it made (DSP0227 association filter).
func (s *session) poolOfJob(job, pool, name string) (string, error) {
	message, body := s.newMessage(enum+"Enumerate", wmi+"*", nil)
	e := add(body, "Enumerate", soap.DOM_NS_ENUM, "")
	add(e, "OptimizeEnumeration", soap.DOM_NS_WSMAN_DMTF, "")
	add(e, "MaxElements", soap.DOM_NS_WSMAN_DMTF, "100")
	f := add(e, "Filter", soap.DOM_NS_WSMAN_DMTF, "")
	f.SetAttr("Dialect", assocDial)
	ai := add(f, "AssociatedInstances", soap.DOM_NS_CIMBINDING, "")
	addEPR(add(ai, "Object", soap.DOM_NS_CIMBINDING, ""), epr{wmi + "Msvm_ConcreteJob", []selector{{"InstanceID", job}}})
	add(ai, "AssociationClassName", soap.DOM_NS_CIMBINDING, "Msvm_AffectedJobElement")
	add(ai, "ResultClassName", soap.DOM_NS_CIMBINDING, "CIM_ResourcePool")
	reply, err := s.post(message)
	if err != nil {
		return "", err
	}
	items := nodes(reply, "//n:EnumerateResponse/w:Items/*")
	if len(items) != 1 {
		return "", fmt.Errorf("%d pools associated with the job", len(items))
	}
	id, got := value(items[0], "InstanceID"), value(items[0], "ElementName")
	if id != pool || got != name {
		return "", fmt.Errorf("the job's pool is %s %q, not %s %q", id, got, pool, name)
	}
	return fmt.Sprintf("ElementName=%s InstanceID=%s", got, id), nil
}

// findPool reads the pool by its reference, then finds it by name with WQL.
func (s *session) findPool(pool, name string) (string, error) {
	instance, err := s.get("Msvm_ResourcePool", pool)
	if err != nil {
		return "", err
	}
	if got := value(instance, "ElementName"); got != name {
		return "", fmt.Errorf("Get of the pool gave ElementName %q, not %q", got, name)
	}
	items, err := s.enumerate(wmi+"*", "", 100, textFilter("SELECT * FROM Msvm_ResourcePool WHERE ElementName = '"+name+"'"), nil)
	if err != nil {
		return "", err
	}
	if len(items) != 1 || value(items[0], "InstanceID") != pool {
		return "", fmt.Errorf("WQL by ElementName found %d pools", len(items))
	}
	return fmt.Sprintf("ElementName=%s ResourceType=%s Capacity=%s AllocationUnits=%s Primordial=%s wql=%d",
		value(instance, "ElementName"), value(instance, "ResourceType"), value(instance, "Capacity"),
		value(instance, "AllocationUnits"), value(instance, "Primordial"), len(items)), nil
}

// winrs runs the library's own API, a WinRS command. hvemu serves no shell. The library drops the faults (see
// post) and fails later on its own; the fault itself is read by posting the library's first message of
// RunWithString, NewOpenShellRequest, through the same Transporter.
func (s *session) winrs() {
	stdout, _, code, err := s.client.RunWithString("hostname", "")
	if err == nil {
		report("winrs", "fail", fmt.Sprintf("RunWithString succeeded (exit %d, %q) on a server that serves no shell", code, stdout))
		return
	}
	_, ferr := s.post(winrm.NewOpenShellRequest(s.url, s.params))
	if ferr == nil || !strings.HasPrefix(ferr.Error(), "fault ") {
		report("winrs", "fail", fmt.Sprintf("RunWithString: %v; the shell's Create was answered %v, not with a WS-Man fault", err, ferr))
		return
	}
	report("winrs", "unsupported", fmt.Sprintf("hvemu serves no WinRS shell: Create of shell/cmd answers %v (RunWithString reports %q)", ferr, err.Error()))
}
