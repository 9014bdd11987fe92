package dev.waagent.local;

import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.domain.tenant.TenantDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API on the local runtime: the operator key, the seeded demo back office, search over HTTP. */
class LocalAdminApiTest {

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "admin-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", "secret",
                "wa.secrets.meta-verify-token", "token")));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theDemoTenantsAreSeededInTheBackOfficeWithTheLocalRuntimesIdsAndNumbers() throws Exception {
        HttpResponse<String> pune = get("/admin/tenants/pune-camera-rentals", LocalOptions.DEFAULT_ADMIN_KEY);
        HttpResponse<String> jakarta = get("/admin/tenants/jakarta-used-cars", LocalOptions.DEFAULT_ADMIN_KEY);

        assertThat(pune.statusCode()).isEqualTo(200);
        assertThat(pune.body()).contains("\"phone_number_id\":\"" + DemoTenants.PUNE_NUMBER_ID + "\"");
        assertThat(jakarta.body()).contains("\"phone_number_id\":\"" + DemoTenants.JAKARTA_NUMBER_ID + "\"");
        assertThat(runtime.context().getBean(TenantDirectory.class).findByBusinessNumber("whatsapp", DemoTenants.PUNE_NUMBER_ID)
                .orElseThrow().agentName()).isEqualTo("Asha");
    }

    @Test
    void theSeededFaqIsSearchableWithTheOperatorKey() throws Exception {
        HttpResponse<String> search = get("/admin/tenants/pune-camera-rentals/knowledge/search?k=3&q="
                + URLEncoder.encode("how much security money do I leave", StandardCharsets.UTF_8), LocalOptions.DEFAULT_ADMIN_KEY);

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).startsWith("{").contains("\"hits\":[{").contains("Security deposit");
    }

    @Test
    void anApprovedTemplateSetOverHttpReachesTheRuntimeTenant() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUri()
                        + "/admin/tenants/jakarta-used-cars/templates/follow_up"))
                .header("Authorization", "Bearer " + LocalOptions.DEFAULT_ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"tindak_lanjut\",\"language\":\"id\",\"parameters\":[\"customer_name\",\"business_name\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUri()
                        + "/admin/tenants/jakarta-used-cars/templates/newsletter"))
                .header("Authorization", "Bearer " + LocalOptions.DEFAULT_ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"News!\",\"language\":\"id\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).contains("\"purpose\":\"follow_up\"").contains("\"name\":\"tindak_lanjut\"");
        assertThat(get("/admin/tenants/jakarta-used-cars/templates", LocalOptions.DEFAULT_ADMIN_KEY).body())
                .contains("tindak_lanjut");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("purpose").contains("name");
        assertThat(runtime.context().getBean(TenantDirectory.class).findById("jakarta-used-cars").orElseThrow()
                .template("follow_up")).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("tindak_lanjut"));
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        HttpResponse<String> refused = get("/admin/tenants", "not-the-key");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_credentials");
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(runtime.baseUri() + path))
                .header("Authorization", "Bearer " + key).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
