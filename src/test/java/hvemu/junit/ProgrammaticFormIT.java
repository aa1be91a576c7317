package hvemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.testsupport.Envelopes;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.WsmanClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HvemuExtension#builder()} in a static field: one emulator with the builder's settings for the class. */
class ProgrammaticFormIT {
    private static final String VERSION = "OS: 10.0.17763 SP: 0.0 Stack: 3.0";

    @RegisterExtension
    static final HvemuExtension HVEMU = HvemuExtension.builder().credentials("hvadmin", "Pa55w.rd").jobs("manual")
            .resetBeforeEach(false).configure(b -> b.productVersion(VERSION)).build();

    private static WsmanClient client(HvemuRuntimeInfo hvemu) {
        return WsmanClient.of(hvemu.endpointUri()).basic(hvemu.user(), hvemu.password());
    }

    @Test
    void theFieldAndTheParameterGiveTheSameEmulator(HvemuRuntimeInfo hvemu) {
        assertThat(HVEMU.runtimeInfo()).isSameAs(hvemu);
        assertThat(hvemu.user()).isEqualTo("hvadmin");
    }

    @Test
    void appliesTheBuildersCredentialsAndConfiguration(HvemuRuntimeInfo hvemu) {
        assertThat(WsmanClient.of(hvemu.endpointUri()).post(Pools.create("x", "4", Pools.memory(1, 0))).status())
                .isEqualTo(401);
        HttpExchange identify = client(hvemu).post(Envelopes.IDENTIFY);
        assertThat(identify.texts("//*[local-name()='ProductVersion']")).containsExactly(VERSION);
    }

    @Test
    void runsJobsInTheBuildersMode(HvemuRuntimeInfo hvemu) {
        HttpExchange reply = client(hvemu).post(Pools.create("manual-pool", "4", Pools.memory(2, 1)));
        assertThat(Pools.returnValue(reply)).isEqualTo(4096L);
        String job = Pools.selector(reply, "Job", "InstanceID");
        HttpExchange read = client(hvemu).post(Jobs.get(job));
        assertThat(read.texts("//*[local-name()='JobState']")).as("a manual job waits at New").containsExactly("2");
    }
}
