package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hvemu.control.InstanceView;
import hvemu.junit.HvemuExtension;
import hvemu.junit.HvemuRuntimeInfo;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic form: the extension built in code, here with jobs that complete at once. */
class ProgrammaticExampleTest {
    static final String WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/HyperVCluster/v2/";
    static final String SERVICE = WMI + "Msvm_ResourcePoolConfigurationService";

    @RegisterExtension
    static HvemuExtension hvemu = HvemuExtension.builder()
            .credentials("admin", "Pa55w.rd")
            .jobs("immediate")
            .build();

    @Test
    void createsAPoolFromAHostsMemory() throws Exception {
        HvemuRuntimeInfo info = hvemu.runtimeInfo();
        InstanceView memory = info.admin().instances("Msvm_Memory").get(0);
        String selectors = memory.keys().entrySet().stream()
                .map(key -> "<w:Selector Name=\"" + key.getKey() + "\">" + key.getValue() + "</w:Selector>")
                .collect(Collectors.joining());
        String invoke = """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
                    xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
                    xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
                  <s:Header>
                    <a:To>%1$s</a:To>
                    <w:ResourceURI>%2$s</w:ResourceURI>
                    <a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
                    <a:Action>%2$s/CreateResourcePool</a:Action>
                    <a:MessageID>uuid:%3$s</a:MessageID>
                    <w:SelectorSet>
                      <w:Selector Name="CreationClassName">Msvm_ResourcePoolConfigurationService</w:Selector>
                      <w:Selector Name="Name">poolcfgsvc</w:Selector>
                      <w:Selector Name="SystemCreationClassName">Msvm_ComputerSystem</w:Selector>
                      <w:Selector Name="SystemName">HVCLU01</w:Selector>
                    </w:SelectorSet>
                  </s:Header>
                  <s:Body>
                    <p:CreateResourcePool_INPUT xmlns:p="%2$s">
                      <p:ElementName>ExamplePool</p:ElementName>
                      <p:HostResources>
                        <a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address>
                        <a:ReferenceParameters>
                          <w:ResourceURI>%4$sMsvm_Memory</w:ResourceURI>
                          <w:SelectorSet>%5$s</w:SelectorSet>
                        </a:ReferenceParameters>
                      </p:HostResources>
                      <p:ResourceType>4</p:ResourceType>
                    </p:CreateResourcePool_INPUT>
                  </s:Body>
                </s:Envelope>""".formatted(info.endpointUri(), SERVICE, UUID.randomUUID(), WMI, selectors);
        String credentials = info.user() + ":" + info.password();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(info.endpointUri())
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(invoke)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, reply.statusCode(), reply.body());
        // The job ran at once: the pool is there, seen through the admin API.
        assertTrue(info.admin().instances("Msvm_ResourcePool").stream()
                .anyMatch(pool -> "ExamplePool".equals(pool.properties().get("ElementName"))));
    }
}
