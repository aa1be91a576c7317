package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hvemu.junit.HvemuRuntimeInfo;
import hvemu.junit.HvemuTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The declarative form: one emulator for the class, on a free port, reset before each test. */
@HvemuTest(user = "admin", password = "Pa55w.rd")
class DeclarativeExampleTest {
    static final String SERVICE = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/"
            + "Msvm_ResourcePoolConfigurationService";

    @Test
    void getsThePoolServiceOverWsman(HvemuRuntimeInfo hvemu) throws Exception {
        String get = """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
                    xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
                    xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
                  <s:Header>
                    <a:To>%s</a:To>
                    <w:ResourceURI>%s</w:ResourceURI>
                    <a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
                    <a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action>
                    <a:MessageID>uuid:%s</a:MessageID>
                    <w:SelectorSet>
                      <w:Selector Name="CreationClassName">Msvm_ResourcePoolConfigurationService</w:Selector>
                      <w:Selector Name="Name">poolcfgsvc</w:Selector>
                      <w:Selector Name="SystemCreationClassName">Msvm_ComputerSystem</w:Selector>
                      <w:Selector Name="SystemName">HVCLU01</w:Selector>
                    </w:SelectorSet>
                  </s:Header>
                  <s:Body/>
                </s:Envelope>""".formatted(hvemu.endpointUri(), SERVICE, UUID.randomUUID());
        String credentials = hvemu.user() + ":" + hvemu.password();
        HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hvemu.endpointUri())
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(get)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, reply.statusCode());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        Document service = xml.newDocumentBuilder().parse(new ByteArrayInputStream(reply.body()));
        assertEquals("Resource Pool Configuration Service",
                service.getElementsByTagNameNS(SERVICE, "ElementName").item(0).getTextContent());
    }

    @Test
    void readsTheHostsMemoryThroughTheAdminApi(HvemuRuntimeInfo hvemu) {
        // The default topology: two cluster nodes of two NUMA nodes each.
        assertEquals(4, hvemu.admin().instances("Msvm_Memory").size());
    }
}
