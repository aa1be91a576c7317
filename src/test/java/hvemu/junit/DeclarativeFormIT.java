package hvemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.control.HttpAdmin;
import hvemu.control.InstanceView;
import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link HvemuTest} on a class: one emulator with the annotation's settings for the class and its nested classes,
 * injected into the constructor, lifecycle methods and tests. (Reset before each test is in {@link ResetBeforeEachIT}.)
 */
@HvemuTest(user = DeclarativeFormIT.USER, password = DeclarativeFormIT.PASSWORD, jobs = "immediate", resetBeforeEach = false)
class DeclarativeFormIT {
    static final String USER = "hvadmin";
    static final String PASSWORD = "Pa55w.rd";
    static final String SERVICE = Envelopes.get(Envelopes.wmi("Msvm_ResourcePoolConfigurationService"),
            "CreationClassName", "Msvm_ResourcePoolConfigurationService", "Name", "poolcfgsvc",
            "SystemCreationClassName", "Msvm_ComputerSystem", "SystemName", "HVCLU01");

    private static HvemuRuntimeInfo fromBeforeAll;
    private final HvemuRuntimeInfo fromConstructor;
    private HvemuRuntimeInfo fromBeforeEach;

    DeclarativeFormIT(HvemuRuntimeInfo hvemu) {
        fromConstructor = hvemu;
    }

    @BeforeAll
    static void beforeAll(HvemuRuntimeInfo hvemu) {
        fromBeforeAll = hvemu;
    }

    @BeforeEach
    void beforeEach(HvemuRuntimeInfo hvemu) {
        fromBeforeEach = hvemu;
    }

    @Test
    void injectsOneEmulatorEverywhere(HvemuRuntimeInfo hvemu) {
        assertThat(hvemu).isSameAs(fromBeforeAll).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(hvemu.endpointUri().toString()).isEqualTo("http://127.0.0.1:" + hvemu.port() + "/wsman");
        assertThat(hvemu.adminUri().toString()).isEqualTo("http://127.0.0.1:" + hvemu.port() + "/hvemu/admin");
    }

    @Test
    void requiresTheAnnotationsCredentials(HvemuRuntimeInfo hvemu) {
        assertThat(hvemu.user()).isEqualTo(USER);
        assertThat(hvemu.password()).isEqualTo(PASSWORD);
        assertThat(WsmanClient.of(hvemu.endpointUri()).post(SERVICE).status()).isEqualTo(401);
        HttpExchange reply = WsmanClient.of(hvemu.endpointUri()).basic(USER, PASSWORD).post(SERVICE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.texts("//*[local-name()='ElementName']")).containsExactly("Resource Pool Configuration Service");
    }

    @Test
    void givesTheAdminApiInProcessAndOverHttp(HvemuRuntimeInfo hvemu) {
        assertThat(hvemu.admin().instances("Msvm_ResourcePoolConfigurationService")).singleElement()
                .satisfies(s -> assertThat(s.keys()).containsEntry("SystemName", "HVCLU01"));
        assertThat(new HttpAdmin(hvemu.adminUri(), hvemu.user(), hvemu.password()).instances("Msvm_Memory"))
                .map(InstanceView::keys).isEqualTo(hvemu.admin().instances("Msvm_Memory").stream().map(InstanceView::keys)
                        .toList()).isNotEmpty();
    }

    @Test
    void runsJobsAsTheAnnotationSays(HvemuRuntimeInfo hvemu) {
        HttpExchange reply = WsmanClient.of(hvemu.endpointUri()).basic(USER, PASSWORD)
                .post(Pools.create("declarative-pool", "4", Pools.memory(1, 0)));
        String job = Pools.selector(reply, "Job", "InstanceID");
        assertThat(hvemu.admin().instances("Msvm_ConcreteJob"))
                .filteredOn(j -> job.equals(j.keys().get("InstanceID")))
                .singleElement().satisfies(j -> assertThat(j.properties()).containsEntry("JobState", 7L));
    }

    /** A nested class runs against the enclosing class's emulator. */
    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingEmulator(HvemuRuntimeInfo hvemu) {
            assertThat(hvemu).isSameAs(fromBeforeAll);
        }
    }
}
