package dev.waagent.local;

import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler in the local runtime: one job now over HTTP, and the timer when asked for. */
class LocalSchedulerTest {

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "sched-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", "secret",
                "wa.secrets.meta-verify-token", "token",
                "wa.local.scheduler.enabled", "true",
                "wa.local.scheduler.interval", "200ms")));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aJobRunsNowAndAnswersWithItsOneLineSummary() throws Exception {
        HttpResponse<String> run = post("/local/scheduler/context-expiry");
        assertThat(run.statusCode()).isEqualTo(200);
        Map<?, ?> body = runtime.context().getBean(JsonMapper.class).readValue(run.body(), Map.class);
        assertThat(body.get("job")).isEqualTo("context-expiry");
        assertThat((String) body.get("summary")).startsWith("context-expiry: tenants=2 ").endsWith("complete");

        assertThat(get("/local/scheduler").body()).contains("context-expiry", "daily-rollup", "summaries");
    }

    @Test
    void anUnknownJobIsAClear404NamingTheKnownJobs() throws Exception {
        HttpResponse<String> run = post("/local/scheduler/nope");
        assertThat(run.statusCode()).isEqualTo(404);
        assertThat(run.body()).contains("unknown job 'nope'").contains("daily-rollup");
    }

    @Test
    void whenAskedTheTimerRunsTheJobs() throws Exception {
        RollupStore rollups = runtime.context().getBean(RollupStore.class);
        List<String> demo = List.of("pune-camera-rentals", "jakarta-used-cars");
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && !demo.stream().allMatch(id -> rollups.latestDay(id).isPresent())) {
            Thread.sleep(100);
        }
        assertThat(demo).allSatisfy(id -> assertThat(rollups.latestDay(id)).isPresent());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve(path)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
