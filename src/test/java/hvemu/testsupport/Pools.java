package hvemu.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

/** CreateResourcePool requests, device references of the default cluster, and EPRs read back from replies. */
public final class Pools {
    public static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    public static final String DMTF = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public static final String SERVICE = "CIM_ResourcePoolConfigurationService";

    private Pools() {
    }

    /** The EPR children of a device of the default topology, in WMI style. */
    public static String device(String cls, String node, String deviceId) {
        return "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>" + WMI + cls
                + "</w:ResourceURI><w:SelectorSet><w:Selector Name=\"DeviceID\">" + deviceId
                + "</w:Selector><w:Selector Name=\"CreationClassName\">" + cls + "</w:Selector>"
                + "<w:Selector Name=\"SystemName\">" + node + "</w:Selector>"
                + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector></w:SelectorSet>"
                + "</a:ReferenceParameters>";
    }

    public static String memory(int node, int numa) {
        return device("Msvm_Memory", "HV-NODE" + node, "Microsoft:4764334E-E001-4176-82EE-5594EC9B530E\\" + numa);
    }

    public static String processor(int node, int n) {
        return device("Msvm_Processor", "HV-NODE" + node, "Microsoft:B637F347-6A0E-4DEC-AF52-BD70CB80A21D\\0\\" + n);
    }

    public static String ethernet(int node, int port) {
        return device("Msvm_ExternalEthernetPort", "HV-NODE" + node,
                "Microsoft:{1D5C2E10-8A6B-4C5E-9F3A-0000000000" + node + port + "}");
    }

    public static String disk(int node, int n) {
        return device("Msvm_DiskDrive", "HV-NODE" + node, "Microsoft:353B3BE8-310C-4CF4-839E-4E1B14616136\\" + n);
    }

    /** The INPUT parameters: ElementName and ResourceType are left out when null. */
    public static String input(String uri, String elementName, String resourceType, String... devices) {
        StringBuilder in = new StringBuilder("<p:CreateResourcePool_INPUT xmlns:p=\"" + uri + "\">");
        if (elementName != null) {
            in.append("<p:ElementName>").append(elementName).append("</p:ElementName>");
        }
        for (String d : devices) {
            in.append("<p:HostResources>").append(d).append("</p:HostResources>");
        }
        if (resourceType != null) {
            in.append("<p:ResourceType>").append(resourceType).append("</p:ResourceType>");
        }
        return in.append("</p:CreateResourcePool_INPUT>").toString();
    }

    /** A WMI-style CreateResourcePool request to the cluster's service, with the given INPUT. */
    public static String create(String input) {
        return invoke(WMI + SERVICE, "CreateResourcePool", "HVCLU01", input, "");
    }

    /** A WMI-style CreateResourcePool request. */
    public static String create(String elementName, String resourceType, String... devices) {
        return create(input(WMI + SERVICE, elementName, resourceType, devices));
    }

    /** An Invoke of the cluster's service; {@code extraSelectors} go first in the SelectorSet. */
    public static String invoke(String uri, String method, String systemName, String body, String extraSelectors) {
        return Envelopes.request(uri + "/" + method, "", body).replace(Envelopes.JOB_URI, uri)
                .replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", java.util.regex.Matcher.quoteReplacement(
                        "<w:SelectorSet>" + extraSelectors
                                + "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
                                + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
                                + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                                + "<w:Selector Name=\"SystemName\">" + systemName + "</w:Selector></w:SelectorSet>"));
    }

    /** Returns the ReturnValue of a method reply. */
    public static long returnValue(HttpExchange reply) {
        String v = new JAXPXPathEngine().evaluate("//*[local-name()='ReturnValue']", Input.fromString(reply.body()).build());
        if (v.isEmpty()) {
            throw new AssertionError("no ReturnValue in " + reply.body());
        }
        return Long.parseLong(v);
    }

    /** Returns a Get request built from the EPR in the named OUT parameter of a reply, as a client builds it. */
    public static String getOf(HttpExchange reply, String parameter) {
        Iterable<Node> nodes = new JAXPXPathEngine().selectNodes("//*[local-name()='" + parameter + "']",
                Input.fromString(reply.body()).build());
        Element epr = (Element) nodes.iterator().next();
        String uri = text(epr, "ResourceURI");
        List<String> selectors = new ArrayList<>();
        var list = epr.getElementsByTagNameNS("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", "Selector");
        for (int i = 0; i < list.getLength(); i++) {
            Element s = (Element) list.item(i);
            selectors.add(s.getAttribute("Name"));
            selectors.add(s.getTextContent());
        }
        return Envelopes.get(uri, selectors.toArray(String[]::new));
    }

    /** Returns the value of a selector in the EPR of an OUT parameter. */
    public static String selector(HttpExchange reply, String parameter, String name) {
        return new JAXPXPathEngine().evaluate("//*[local-name()='" + parameter + "']//*[local-name()='Selector' and @Name='"
                + name + "']", Input.fromString(reply.body()).build());
    }

    private static String text(Element e, String local) {
        return e.getElementsByTagNameNS("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", local).item(0).getTextContent();
    }

    /** Writes a copy of the default topology with text replaced and instances appended; returns its path. */
    public static Path topology(Path dir, Map<String, String> replacements, String appended) {
        String text = Fixtures.resource("mof/topology/default-cluster.mof");
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!text.contains(r.getKey())) {
                throw new IllegalArgumentException("the default topology has no " + r.getKey());
            }
            text = text.replace(r.getKey(), r.getValue());
        }
        try {
            Path file = Files.createTempFile(dir, "topology", ".mof");
            Files.writeString(file, text + "\n" + appended, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
