package hvemu.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hvemu.testsupport.RunningEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API's HTTP rules: credentials, JSON, unknown routes and methods, the instance view. */
class AdminApiIT {
    @RegisterExtension
    static final RunningEmulator EMULATOR = RunningEmulator.secured();

    private static Admin admin() {
        return new HttpAdmin(EMULATOR.emulator().adminUri(), RunningEmulator.USER, RunningEmulator.PASSWORD);
    }

    private static HttpResponse<String> raw(String method, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(EMULATOR.emulator().adminUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheInstancesOfAClassWithTheirKeysAndProperties() {
        List<InstanceView> services = admin().instances("CIM_ResourcePoolConfigurationService");
        assertThat(services).singleElement().satisfies(s -> {
            assertThat(s.className()).isEqualTo("Msvm_ResourcePoolConfigurationService");
            assertThat(s.keys()).containsEntry("SystemName", "HVCLU01").containsEntry("Name", "poolcfgsvc");
            assertThat(s.properties()).containsEntry("ElementName", "Resource Pool Configuration Service");
        });
        assertThat(admin().instances("Msvm_Memory")).hasSize(EMULATOR.emulator().admin().instances("Msvm_Memory").size())
                .isNotEmpty();
    }

    @Test
    void theHttpAndInProcessFormsAnswerAlike() throws Exception {
        // Compared as JSON: over HTTP a number comes back as the smallest Java type that holds it.
        for (String cls : List.of("CIM_ResourcePoolConfigurationService", "Msvm_ResourcePool", "Msvm_Memory")) {
            assertThat(AdminRoutes.JSON.writeValueAsString(admin().instances(cls)))
                    .isEqualTo(AdminRoutes.JSON.writeValueAsString(EMULATOR.emulator().admin().instances(cls)));
        }
    }

    @Test
    void anUnknownClassIs404WithAMessage() {
        assertThatThrownBy(() -> admin().instances("Msvm_NoSuchClass"))
                .isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("Msvm_NoSuchClass");
                });
    }

    @Test
    void needsTheWsmanCredentials() throws Exception {
        assertThat(raw("GET", "/instances/Msvm_Memory", null, null).statusCode()).isEqualTo(401);
        assertThat(raw("GET", "/instances/Msvm_Memory", RunningEmulator.USER, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = raw("GET", "/instances/Msvm_Memory", RunningEmulator.USER, RunningEmulator.PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void answersUnknownRoutes404AndWrongMethods405WithAllow() throws Exception {
        HttpResponse<String> unknown = raw("GET", "/nothing-here", RunningEmulator.USER, RunningEmulator.PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\"");
        HttpResponse<String> getReset = raw("GET", "/reset", RunningEmulator.USER, RunningEmulator.PASSWORD);
        assertThat(getReset.statusCode()).isEqualTo(405);
        assertThat(getReset.headers().firstValue("Allow")).hasValue("POST");
    }
}
