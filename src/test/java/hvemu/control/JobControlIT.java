package hvemu.control;

import static hvemu.control.ModelCalls.createPool;
import static hvemu.control.ModelCalls.exists;
import static hvemu.control.ModelCalls.job;
import static hvemu.control.ModelCalls.pool;
import static hvemu.control.ModelCalls.property;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.job.JobProgression;
import hvemu.job.ManualClock;
import hvemu.testsupport.HttpExchange;
import hvemu.testsupport.Jobs;
import hvemu.testsupport.Pools;
import hvemu.testsupport.RunningEmulator;
import hvemu.testsupport.Xml;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jobs through the admin API: a mode per method (a job keeps the one it started in), advancing manual
 * jobs one step or all together, completing or failing a job now, the job list, and what is refused.
 */
class JobControlIT {
    @RegisterExtension
    static final RunningEmulator emulator = RunningEmulator.with(b -> b
            .clock(new ManualClock(Instant.parse("2026-11-24T12:00:00Z"))).jobs(JobProgression.immediate()));

    private static Admin admin() {
        return ModelCalls.admin(emulator);
    }

    @BeforeEach
    void reset() {
        admin().reset();
    }

    private static String state(String job) {
        return property(emulator, "Msvm_ConcreteJob", job, "JobState");
    }

    @Test
    void aManualMethodsJobWaitsWhileOtherMethodsRunImmediately() {
        admin().jobMode("CreateResourcePool", "manual");
        HttpExchange created = createPool(emulator, "Manual", Pools.processor(1, 0));
        assertThat(state(job(created))).isEqualTo("2");
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(created))).isFalse();

        admin().completeJob(job(created));
        HttpExchange deleted = ModelCalls.deletePool(emulator, pool(created));

        assertThat(state(job(deleted))).as("DeleteResourcePool runs in the default mode, immediate").isEqualTo("7");
        assertThat(exists(emulator, "Msvm_ResourcePool", pool(created))).isFalse();
        assertThat(admin().jobs()).extracting(JobView::method, JobView::mode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CreateResourcePool", "manual"),
                org.assertj.core.groups.Tuple.tuple("DeleteResourcePool", "immediate"));
    }

    @Test
    void advanceMovesAManualJobOneStepAtATime() {
        admin().jobMode("CreateResourcePool", "manual");
        String job = job(createPool(emulator, "Steps", Pools.processor(1, 1)));
        assertThat(admin().jobs()).singleElement().isEqualTo(new JobView(job, 150, "CreateResourcePool", 2, 0, "manual",
                0, null));

        assertThat(admin().advanceJob(job)).extracting(JobView::jobState, JobView::percentComplete).containsExactly(3, 0);
        assertThat(state(job)).isEqualTo("3");
        assertThat(admin().advanceJob(job)).extracting(JobView::jobState, JobView::percentComplete).containsExactly(4, 50);
        assertThat(admin().advanceJob(job)).extracting(JobView::jobState, JobView::percentComplete).containsExactly(7, 100);
        assertThat(state(job)).isEqualTo("7");
        assertStatus(() -> admin().advanceJob(job), 409, "has finished (JobState 7)");
    }

    @Test
    void advanceAllMovesEveryManualJobAndNoOther() {
        String kept = pool(createPool(emulator, "ToDelete"));
        admin().jobMode("CreateResourcePool", "manual");
        admin().jobMode("DeleteResourcePool", "1m");
        String one = job(createPool(emulator, "One", Pools.processor(2, 0)));
        String two = job(createPool(emulator, "Two", Pools.processor(2, 1)));
        String timed = job(ModelCalls.deletePool(emulator, kept));

        assertThat(admin().advanceJobs()).isEqualTo(2);

        assertThat(state(one)).isEqualTo("3");
        assertThat(state(two)).isEqualTo("3");
        assertThat(state(timed)).as("a timed job keeps its pace").isEqualTo("2");
        assertStatus(() -> admin().advanceJob(timed), 409, "runs in mode 1m; only a manual job is advanced");
        assertThat(admin().completeJob(timed).jobState()).as("but completes on request").isEqualTo(7);
        assertThat(admin().advanceJobs()).isEqualTo(2);
        assertThat(state(one)).isEqualTo("4");
    }

    @Test
    void aJobKeepsTheModeItStartedIn() {
        admin().jobMode("createresourcepool", "manual");
        String manual = job(createPool(emulator, "Before", Pools.processor(1, 2)));
        admin().jobMode("CreateResourcePool", "immediate");
        assertThat(admin().jobModes()).as("spelled as the schema spells it")
                .containsExactly(Map.entry("*", "immediate"), Map.entry("CreateResourcePool", "immediate"));

        String immediate = job(createPool(emulator, "After", Pools.processor(1, 3)));

        assertThat(state(immediate)).isEqualTo("7");
        assertThat(state(manual)).isEqualTo("2");
        assertThat(admin().advanceJob(manual).mode()).isEqualTo("manual");
    }

    @Test
    void completeNowRunsTheMethodsEffects() {
        admin().jobMode("*", "manual");
        HttpExchange created = createPool(emulator, "Now", Pools.processor(2, 2));
        admin().advanceJob(job(created));

        JobView done = admin().completeJob(job(created));

        assertThat(done).isEqualTo(new JobView(job(created), 150, "CreateResourcePool", 7, 100, "manual", 0, null));
        assertThat(property(emulator, "Msvm_ResourcePool", pool(created), "ElementName")).isEqualTo("Now");
        assertStatus(() -> admin().completeJob(job(created)), 409, "has finished (JobState 7)");
    }

    @Test
    void failNowLeavesNothingMadeAndGetErrorReturnsTheError() {
        admin().jobMode("*", "manual");
        HttpExchange created = createPool(emulator, "Doomed", Pools.processor(2, 3));
        admin().advanceJob(job(created));

        JobView failed = admin().failJob(job(created), 4242, "The disk caught fire.");

        assertThat(failed).isEqualTo(new JobView(job(created), 150, "CreateResourcePool", 10, 0, "manual", 4242,
                "The disk caught fire."));
        Jobs.assertLeftNothing(emulator, created, Pools.processor(2, 3));
        HttpExchange error = emulator.client().post(Jobs.invoke(job(created), "GetError", ""));
        assertThat(Pools.returnValue(error)).isEqualTo(0);
        String text = error.texts("//*[local-name()='GetError_OUTPUT']/*[local-name()='Error']").get(0);
        Xml.at(text).valueByXPath("/INSTANCE/PROPERTY[@NAME='Message']/VALUE").isEqualTo("The disk caught fire.");
        Xml.at(text).valueByXPath("/INSTANCE/PROPERTY.ARRAY[@NAME='MessageArguments']/VALUE.ARRAY/VALUE").isEqualTo("4242");
        assertStatus(() -> admin().failJob(job(created), 1, "again"), 409, "has finished (JobState 10)");
    }

    @Test
    void listsEveryJobHeldWithItsMethodModeStateAndError() {
        admin().jobMode("CreateResourcePool", "manual");
        String completed = job(createPool(emulator, "Completed", Pools.processor(1, 4)));
        admin().completeJob(completed);
        String failed = job(createPool(emulator, "Failed", Pools.processor(1, 5)));
        admin().failJob(failed, 7, null);
        String terminated = job(createPool(emulator, "Terminated", Pools.processor(1, 6)));
        assertThat(Pools.returnValue(emulator.client().post(Jobs.requestStateChange(terminated, "4", null)))).isEqualTo(0);
        String running = job(createPool(emulator, "Running", Pools.processor(1, 7)));

        assertThat(admin().jobs()).containsExactly(
                new JobView(completed, 150, "CreateResourcePool", 7, 100, "manual", 0, null),
                new JobView(failed, 150, "CreateResourcePool", 10, 0, "manual", 7,
                        "The job was failed through the admin API."),
                new JobView(terminated, 150, "CreateResourcePool", 8, 0, "manual", 0,
                        "The job was terminated at a client's request before it completed."),
                new JobView(running, 150, "CreateResourcePool", 2, 0, "manual", 0, null));
    }

    @Test
    void refusesWhatCannotBeDone() throws Exception {
        assertStatus(() -> admin().advanceJob("NO-SUCH-JOB"), 404, "no job NO-SUCH-JOB");
        assertStatus(() -> admin().completeJob("NO-SUCH-JOB"), 404, "no job NO-SUCH-JOB");
        assertStatus(() -> admin().failJob("NO-SUCH-JOB", 1, "x"), 404, "no job NO-SUCH-JOB");
        assertStatus(() -> admin().failJob("NO-SUCH-JOB", 0, "x"), 400, "1 to 65535");
        assertStatus(() -> admin().failJob("NO-SUCH-JOB", 65536, "x"), 400, "1 to 65535");
        assertStatus(() -> admin().jobMode("CreateResourcePool", "sometimes"), 400, "a job mode is immediate, manual");
        assertStatus(() -> admin().jobMode("CreateResourcePool", "0s"), 400, "positive");
        assertStatus(() -> admin().jobMode("CreateResourcePool", "2d"), 400, "a job mode is");
        assertStatus(() -> admin().jobMode("CreateResourcePool", "1441m"), 400, "at most 1 day");
        assertStatus(() -> admin().jobMode("CreatePool", "manual"), 404, "no class of root/HyperVCluster/v2 has a method"
                + " CreatePool");
        assertStatus(() -> admin().jobMode("Create Pool", "manual"), 400, "a method name or *");
        assertThat(admin().jobModes()).containsExactly(Map.entry("*", "immediate"));

        HttpResponse<String> notJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.emulator().adminUri() + "/jobs/modes/CreateResourcePool"))
                .PUT(HttpRequest.BodyPublishers.ofString("manual")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("{\"error\":\"the body is not a valid String");
        HttpResponse<String> quoted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.emulator().adminUri() + "/jobs/modes/CreateResourcePool"))
                .PUT(HttpRequest.BodyPublishers.ofString("\"manual\"")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(quoted.statusCode()).isEqualTo(200);
        assertThat(quoted.body()).isEqualTo("{\"*\":\"immediate\",\"CreateResourcePool\":\"manual\"}");
    }

    private static void assertStatus(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AdminException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
