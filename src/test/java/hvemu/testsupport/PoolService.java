package hvemu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/**
 * Calls of the pool service's methods as a WMI-URI client writes them, readers of the pool model
 * through enumeration, and the hierarchy invariants every pool test checks after it runs.
 */
public final class PoolService {
    public static final String URI = Pools.WMI + Pools.SERVICE;
    private static final String N = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";

    private PoolService() {
    }

    /** An Invoke of {@code method} on the cluster's service with the given parameter elements. */
    public static String call(String method, String... parameters) {
        return Pools.invoke(URI, method, "HVCLU01", "<p:" + method + "_INPUT xmlns:p=\"" + URI + "\">"
                + String.join("", parameters) + "</p:" + method + "_INPUT>", "");
    }

    /** A parameter element {@code <p:name>content</p:name>}. */
    public static String param(String name, String content) {
        return "<p:" + name + ">" + content + "</p:" + name + ">";
    }

    /** The EPR children of a pool by InstanceID. */
    public static String pool(String instanceId) {
        return Envelopes.eprOf("Msvm_ResourcePool", instanceId);
    }

    /** A Settings string: an embedded Msvm_ResourceAllocationSettingData in CIM-XML, as libvirt sends it. */
    public static String rasd(long reservation) {
        return cimXml("<PROPERTY NAME=\"Reservation\" TYPE=\"uint64\"><VALUE>" + reservation + "</VALUE></PROPERTY>");
    }

    /** A Settings string holding the given PROPERTY elements, in CDATA. */
    public static String cimXml(String properties) {
        return "<![CDATA[<INSTANCE CLASSNAME=\"Msvm_ResourceAllocationSettingData\">" + properties + "</INSTANCE>]]>";
    }

    /** Creates a root pool and returns its InstanceID; fails unless the call answers 0 or 4096. */
    public static String createRoot(WsmanClient client, String name, String type, String... devices) {
        HttpExchange reply = client.post(Pools.create(name, type, devices));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isIn(0L, 4096L);
        return Pools.selector(reply, "Pool", "InstanceID");
    }

    /** Creates a child pool holding {@code reservation} of one parent and returns its InstanceID. */
    public static String createChild(WsmanClient client, String name, String parent, long reservation) {
        HttpExchange reply = client.post(call("CreateChildResourcePool", param("ElementName", name),
                param("ParentPool", pool(parent)), param("Settings", rasd(reservation))));
        assertThat(Pools.returnValue(reply)).as(reply.body()).isIn(0L, 4096L);
        return Pools.selector(reply, "Pool", "InstanceID");
    }

    /** Returns the instances of a class (and its subclasses), each as a map of property to text. */
    public static List<Map<String, String>> instances(WsmanClient client, String className) {
        String body = "<n:Enumerate xmlns:n=\"" + N + "\"><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>"
                + "</n:Enumerate>";
        HttpExchange reply = client.post(Envelopes.request(N + "/Enumerate", "", body)
                .replace(Envelopes.JOB_URI, Envelopes.wmi(className)).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", ""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).as("one batch holds them all").contains("EndOfSequence");
        List<Map<String, String>> out = new ArrayList<>();
        for (Node item : new JAXPXPathEngine().selectNodes("//*[local-name()='Items']/*", Input.fromString(reply.body()).build())) {
            Map<String, String> values = new HashMap<>();
            for (Node p = item.getFirstChild(); p != null; p = p.getNextSibling()) {
                if (p instanceof Element e) {
                    String id = new JAXPXPathEngine().evaluate(".//*[local-name()='Selector' and @Name='InstanceID']",
                            Input.fromNode(e).build());
                    List<String> selectors = new ArrayList<>();
                    new JAXPXPathEngine().selectNodes(".//*[local-name()='Selector']", Input.fromNode(e).build())
                            .forEach(n -> selectors.add(n.getTextContent()));
                    values.merge(e.getLocalName(), !id.isEmpty() ? id : !selectors.isEmpty() ? String.join("|", selectors)
                            : e.getTextContent(), (a, b) -> a + "," + b);
                }
            }
            out.add(values);
        }
        return out;
    }

    /** Returns one instance by InstanceID through Get, as a map of property to text. */
    public static Map<String, String> get(WsmanClient client, String className, String instanceId) {
        HttpExchange reply = client.post(Envelopes.get(Envelopes.wmi(className), "InstanceID", instanceId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return values(reply);
    }

    /** Returns the properties of the instance a Get reply holds, as a map of property to text. */
    public static Map<String, String> values(HttpExchange reply) {
        Map<String, String> values = new HashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Element body = (Element) f.newDocumentBuilder().parse(new InputSource(new StringReader(reply.body())))
                    .getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Body").item(0);
            Element instance = (Element) new JAXPXPathEngine().selectNodes("*", Input.fromNode(body).build()).iterator().next();
            for (Node p = instance.getFirstChild(); p != null; p = p.getNextSibling()) {
                if (p instanceof Element e) {
                    values.merge(e.getLocalName(), e.getTextContent(), (a, b) -> a + "," + b);
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return values;
    }

    /** Returns true when an instance of the class with that InstanceID exists. */
    public static boolean exists(WsmanClient client, String className, String instanceId) {
        return client.post(Envelopes.get(Envelopes.wmi(className), "InstanceID", instanceId)).status() == 200;
    }

    /**
     * Checks the hierarchy invariants: a pool's Reserved equals the sum of the Reservations allocated from
     * it and is no more than its Capacity; a child pool's Capacity equals the sum it holds of its parents;
     * no device is in two user pools; every user pool is hosted by one system.
     */
    public static void checkInvariants(WsmanClient client) {
        List<Map<String, String>> pools = instances(client, "CIM_ResourcePool");
        Map<String, Long> reservations = new HashMap<>();
        for (Map<String, String> r : instances(client, "Msvm_ResourceAllocationSettingData")) {
            reservations.put(r.get("InstanceID").toUpperCase(), Long.parseLong(r.get("Reservation")));
        }
        Map<String, Long> allocatedFrom = new HashMap<>();
        for (Map<String, String> link : instances(client, "Msvm_ResourceAllocationFromPool")) {
            allocatedFrom.merge(link.get("Antecedent").toUpperCase(),
                    reservations.get(link.get("Dependent").toUpperCase()), Long::sum);
        }
        Map<String, Long> heldByChild = new HashMap<>();
        for (Map<String, String> link : instances(client, "Msvm_ElementSettingData")) {
            heldByChild.merge(link.get("ManagedElement").toUpperCase(),
                    reservations.get(link.get("SettingData").toUpperCase()), Long::sum);
        }
        Set<String> userPools = new HashSet<>();
        for (Map<String, String> p : pools) {
            String id = p.get("InstanceID").toUpperCase();
            long reserved = Long.parseLong(p.get("Reserved"));
            assertThat(reserved).as("Reserved of %s is what is allocated from it", id)
                    .isEqualTo(allocatedFrom.getOrDefault(id, 0L));
            assertThat(reserved).as("Reserved of %s within its Capacity", id).isLessThanOrEqualTo(Long.parseLong(p.get("Capacity")));
            if (heldByChild.containsKey(id)) {
                assertThat(Long.parseLong(p.get("Capacity"))).as("Capacity of child %s is what it holds", id)
                        .isEqualTo(heldByChild.get(id));
            }
            if (!"true".equals(p.get("Primordial"))) {
                userPools.add(id);
            }
        }
        Set<String> devices = new HashSet<>();
        for (Map<String, String> link : instances(client, "Msvm_ConcreteComponent")) {
            if (userPools.contains(link.get("GroupComponent").toUpperCase())) {
                assertThat(devices.add(link.get("PartComponent").toUpperCase())).as("device %s in one user pool",
                        link.get("PartComponent")).isTrue();
            }
        }
        Map<String, Integer> hosts = new HashMap<>();
        for (Map<String, String> link : instances(client, "Msvm_HostedResourcePool")) {
            hosts.merge(link.get("PartComponent").toUpperCase(), 1, Integer::sum);
        }
        for (String pool : userPools) {
            assertThat(hosts.get(pool)).as("user pool %s hosted by one system", pool).isEqualTo(1);
        }
    }
}
