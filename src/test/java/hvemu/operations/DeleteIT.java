package hvemu.operations;

import static hvemu.testsupport.Envelopes.DELETE;
import static hvemu.testsupport.Envelopes.dmtf;
import static hvemu.testsupport.Envelopes.wmi;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.job.JobProgression;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.Fixtures;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WS-Transfer Delete (wire.md §3.5) through HTTP: a finished job goes with its links, in the reply
 * Windows writes (fixture winrm-delete-response.xml); a running job, a pool and other instances are
 * refused and stay; a missing instance is not found (docs/semantics.md).
 */
class DeleteIT {
    private static final String WSMAN_FAULT = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    private static final String ADDRESSING_FAULT = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    private static final String ENUMERATE = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";

    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b.jobs(JobProgression.stepped()));

    /** Calls CreateResourcePool; the job stays New until the test moves it. */
    private static HttpExchange submit(String name, String... devices) {
        HttpExchange invoke = emulator.client().post(Pools.create(name, "3", devices));
        assertThat(Pools.returnValue(invoke)).isEqualTo(4096);
        return invoke;
    }

    private static HttpExchange delete(String uri, String... selectors) {
        return emulator.client().post(Envelopes.transfer(DELETE, uri, "", selectors));
    }

    private static int status(String uri, String... selectors) {
        return emulator.client().post(Envelopes.get(uri, selectors)).status();
    }

    /** Returns the InstanceIDs of the jobs the instances of an association class refer to in {@code role}. */
    private static List<String> jobsLinkedBy(String association, String role) {
        String request = Envelopes.request(ENUMERATE, "", "<n:Enumerate xmlns:n=\"http://schemas.xmlsoap.org/ws/2004/09/"
                + "enumeration\"><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements></n:Enumerate>")
                .replace(Envelopes.JOB_URI, wmi(association)).replaceFirst("<w:SelectorSet>.*?</w:SelectorSet>", "");
        HttpExchange reply = emulator.client().post(request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).nodesByXPath("//w:EndOfSequence").exist();
        return reply.texts("//*[local-name()='" + role + "']//*[local-name()='Selector' and @Name='InstanceID']");
    }

    private static void assertFault(HttpExchange reply, String subcode, String action, String detail, String code,
            String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(500);
        Xml.at(reply.body()).valueByXPath("//s:Subcode/s:Value").isEqualTo(subcode);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action").isEqualTo(action);
        if (detail == null) {
            Xml.at(reply.body()).nodesByXPath("//w:FaultDetail").doNotExist();
        } else {
            Xml.at(reply.body()).valueByXPath("//w:FaultDetail")
                    .isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/" + detail);
        }
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/@Code").isEqualTo(code);
        Xml.at(reply.body()).valueByXPath("//f:WSManFault/f:Message").contains(message);
    }

    @Test
    void deletesAFinishedJobWithItsLinksInTheReplyWindowsWrites() {
        HttpExchange invoke = submit("Finished");
        String job = Pools.selector(invoke, "Job", "InstanceID");
        String pool = Pools.selector(invoke, "Pool", "InstanceID");
        assertThat(emulator.emulator().jobs().complete(job)).isTrue();
        assertThat(jobsLinkedBy("Msvm_AffectedJobElement", "AffectingElement")).as("job → pool {5 Create}").contains(job);
        assertThat(jobsLinkedBy("Msvm_OwningJobElement", "OwnedElement")).as("service → job").contains(job);

        // pypsrp's Delete (fixture winrm-delete-request.xml), addressed to the job instead of a shell.
        String fixture = Fixtures.shared("winrm-delete-request.xml");
        String shell = "<wsman:Selector Name=\"ShellId\">AD18BFC8-67B1-45FC-998A-632796CDF812</wsman:Selector>";
        assertThat(fixture).contains(shell, "http://schemas.microsoft.com/powershell/Microsoft.PowerShell<");
        HttpExchange reply = emulator.client().post(fixture
                .replace("http://schemas.microsoft.com/powershell/Microsoft.PowerShell<", wmi("Msvm_ConcreteJob") + "<")
                .replace(shell, "<wsman:Selector Name=\"InstanceID\">" + job + "</wsman:Selector>"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.assertSimilar(Fixtures.shared("winrm-delete-response.xml")
                .replace("uuid:DB3FA904-F64C-4D0F-8B7D-B6B5DF727617", "${xmlunit.ignore}"), reply.body());

        assertThat(status(wmi("Msvm_ConcreteJob"), "InstanceID", job)).as("the job is gone").isEqualTo(500);
        assertThat(jobsLinkedBy("Msvm_AffectedJobElement", "AffectingElement")).doesNotContain(job);
        assertThat(jobsLinkedBy("Msvm_OwningJobElement", "OwnedElement")).doesNotContain(job);
        assertThat(status(wmi("Msvm_ResourcePool"), "InstanceID", pool)).as("the pool it made stays").isEqualTo(200);
        assertFault(delete(wmi("Msvm_ConcreteJob"), "InstanceID", job), "a:DestinationUnreachable", ADDRESSING_FAULT,
                "InvalidResourceURI", "2150858752", "No instance Msvm_ConcreteJob");
    }

    @Test
    void deletesAFailedJobInDmtfStyle() {
        String job = Pools.selector(submit("Failing"), "Job", "InstanceID");
        assertThat(emulator.emulator().jobs().fail(job, 6, "The device stopped answering.")).isTrue();
        HttpExchange reply = delete(dmtf("CIM_ConcreteJob"), "__cimnamespace", "root/HyperVCluster/v2", "InstanceID", job);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Xml.at(reply.body()).valueByXPath("/s:Envelope/s:Header/a:Action")
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
        Xml.at(reply.body()).nodesByXPath("/s:Envelope/s:Body/*").doNotExist();
        assertThat(status(wmi("Msvm_ConcreteJob"), "InstanceID", job)).isEqualTo(500);
        assertThat(jobsLinkedBy("Msvm_OwningJobElement", "OwnedElement")).doesNotContain(job);
    }

    @Test
    void refusesToDeleteARunningJob() {
        String job = Pools.selector(submit("Running", Pools.processor(2, 3)), "Job", "InstanceID");
        assertFault(delete(wmi("Msvm_ConcreteJob"), "InstanceID", job), "w:AccessDenied", WSMAN_FAULT, null,
                "2150859013", "The job " + job + " has not finished (JobState 2)");
        assertThat(emulator.emulator().jobs().advance(job)).isTrue();
        assertFault(delete(wmi("Msvm_ConcreteJob"), "InstanceID", job), "w:AccessDenied", WSMAN_FAULT, null,
                "2150859013", "(JobState 3)");
        assertThat(status(wmi("Msvm_ConcreteJob"), "InstanceID", job)).as("the job stays").isEqualTo(200);
        assertThat(jobsLinkedBy("Msvm_AffectedJobElement", "AffectingElement")).as("its device stays reserved")
                .contains(job);
        assertThat(jobsLinkedBy("Msvm_OwningJobElement", "OwnedElement")).contains(job);

        assertThat(emulator.emulator().jobs().complete(job)).isTrue();
        assertThat(delete(wmi("Msvm_ConcreteJob"), "InstanceID", job).status()).as("once finished").isEqualTo(200);
    }

    @Test
    void refusesToDeleteAPool() {
        HttpExchange invoke = submit("Kept");
        emulator.emulator().jobs().complete(Pools.selector(invoke, "Job", "InstanceID"));
        String pool = Pools.selector(invoke, "Pool", "InstanceID");
        assertFault(delete(wmi("CIM_ResourcePool"), "InstanceID", pool), "a:ActionNotSupported", ADDRESSING_FAULT,
                "ActionMismatch", "2150858801", "DeleteResourcePool");
        assertThat(status(wmi("Msvm_ResourcePool"), "InstanceID", pool)).isEqualTo(200);
    }

    @Test
    void refusesToDeleteOtherInstances() {
        assertFault(delete(wmi("Msvm_ComputerSystem"), "CreationClassName", "Msvm_ComputerSystem", "Name", "HV-NODE2"),
                "a:ActionNotSupported", ADDRESSING_FAULT, "ActionMismatch", "2150858801",
                "The instances of Msvm_ComputerSystem cannot be deleted.");
        assertThat(status(wmi("Msvm_ComputerSystem"), "CreationClassName", "Msvm_ComputerSystem", "Name", "HV-NODE2"))
                .isEqualTo(200);
    }

    @Test
    void answersAMissingInstanceWithDestinationUnreachable() {
        assertFault(delete(wmi("Msvm_ConcreteJob"), "InstanceID", "9D1C4A3E-0B52-4A8F-9C31-6F3A2B7C1E55"),
                "a:DestinationUnreachable", ADDRESSING_FAULT, "InvalidResourceURI", "2150858752",
                "No instance Msvm_ConcreteJob");
        assertFault(emulator.client().post(Fixtures.shared("winrm-delete-request.xml")), "a:DestinationUnreachable",
                ADDRESSING_FAULT, "InvalidResourceURI", "2150858752", "Microsoft.PowerShell");
    }
}
