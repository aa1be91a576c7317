package hvemu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * What hvemu writes is valid against the WS-CIM schemas in schemas/cim (DSP0230): instances, association
 * instances and method output, in the DMTF style whose namespaces those schemas declare.
 */
class ClassSchemaValidationIT {
    private static final String NS = "<w:Selector Name=\"__cimnamespace\">root/HyperVCluster/v2</w:Selector>";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    private static void assertValid(HttpExchange reply, String className) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element envelope = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(reply.body()))).getDocumentElement();
        Element body = (Element) envelope.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Body").item(0);
        Element content = (Element) body.getElementsByTagNameNS("*", "*").item(0);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Validator validator = factory.newSchema(Path.of("schemas/cim", className + ".xsd").toFile()).newValidator();
        validator.validate(new DOMSource(content));
    }

    @Test
    void instancesAreValid() throws Exception {
        assertValid(emulator.client().post(Envelopes.getWith(Envelopes.dmtf("Msvm_ResourcePoolConfigurationService"), NS
                + "<w:Selector Name=\"CreationClassName\">Msvm_ResourcePoolConfigurationService</w:Selector>"
                + "<w:Selector Name=\"Name\">poolcfgsvc</w:Selector>"
                + "<w:Selector Name=\"SystemCreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"SystemName\">HVCLU01</w:Selector>")), "Msvm_ResourcePoolConfigurationService");
        assertValid(emulator.client().post(Envelopes.getWith(Envelopes.dmtf("CIM_ResourcePool"), NS
                + "<w:Selector Name=\"InstanceID\">Microsoft:HV-NODE2\\4764334E-E001-4176-82EE-5594EC9B530E</w:Selector>")),
                "Msvm_ResourcePool");
        assertValid(emulator.client().post(Envelopes.getWith(Envelopes.dmtf("Msvm_ComputerSystem"), NS
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">HV-NODE1</w:Selector>")), "Msvm_ComputerSystem");
    }

    @Test
    void anInstanceIsNotValidAgainstAnotherClassSchema() {
        HttpExchange node = emulator.client().post(Envelopes.getWith(Envelopes.dmtf("Msvm_ComputerSystem"), NS
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">HV-NODE1</w:Selector>"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertValid(node, "Msvm_Processor"))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void associationInstancesAreValid() throws Exception {
        String cluster = "<a:Address>" + Envelopes.ANONYMOUS + "</a:Address><a:ReferenceParameters><w:ResourceURI>"
                + Envelopes.wmi("Msvm_ComputerSystem") + "</w:ResourceURI><w:SelectorSet>"
                + "<w:Selector Name=\"CreationClassName\">Msvm_ComputerSystem</w:Selector>"
                + "<w:Selector Name=\"Name\">HVCLU01</w:Selector></w:SelectorSet></a:ReferenceParameters>";
        String node = cluster.replace("HVCLU01", "HV-NODE2");
        assertValid(emulator.client().post(Envelopes.getWith(Envelopes.dmtf("Msvm_ComponentCS"), NS
                + Envelopes.refSelector("GroupComponent", cluster) + Envelopes.refSelector("PartComponent", node))),
                "Msvm_ComponentCS");
    }

    @Test
    void methodOutputIsValid() throws Exception {
        String uri = Pools.DMTF + Pools.SERVICE;
        HttpExchange reply = emulator.client().post(Pools.invoke(uri, "CreateResourcePool", "HVCLU01",
                Pools.input(uri, "Valid", "4", Pools.memory(2, 0)), NS));
        assertThat(Pools.returnValue(reply)).isEqualTo(4096);
        assertValid(reply, Pools.SERVICE);
    }

    @Test
    void jobMethodOutputIsValid() throws Exception {
        String uri = Pools.DMTF + Pools.SERVICE;
        HttpExchange create = emulator.client().post(Pools.invoke(uri, "CreateResourcePool", "HVCLU01",
                Pools.input(uri, "Stopped", "4", Pools.memory(2, 1)), NS));
        String job = Pools.selector(create, "Job", "InstanceID");
        HttpExchange stop = emulator.client().post(Jobs.invokeDmtf(job, "RequestStateChange",
                "<p:RequestedState>4</p:RequestedState>"));
        assertThat(Pools.returnValue(stop)).isEqualTo(0);
        assertValid(stop, "Msvm_ConcreteJob");
        HttpExchange error = emulator.client().post(Jobs.invokeDmtf(job, "GetError", ""));
        assertThat(error.body()).contains("INSTANCE CLASSNAME");
        assertValid(error, "Msvm_ConcreteJob");
        assertValid(emulator.client().post(Jobs.invokeDmtf(job, "GetErrorEx", "")), "Msvm_ConcreteJob");
        assertValid(emulator.client().post(Jobs.invokeDmtf(job, "KillJob", "")), "Msvm_ConcreteJob");
    }
}
