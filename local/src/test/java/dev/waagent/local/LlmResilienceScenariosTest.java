package dev.waagent.local;

import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven resilience scenarios of the reply chain, each through the worker on the local stand-ins: three
 * OpenAI-compatible providers (real openai-java client against loopback servers speaking OpenAI's wire format,
 * including its error bodies and Retry-After) and the local last resort.
 */
class LlmResilienceScenariosTest {

    private static final String SECRET = "scenario-secret";
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;

    private final OpenAiWireStub primary = new OpenAiWireStub("primary");
    private final OpenAiWireStub secondary = new OpenAiWireStub("secondary");
    private final OpenAiWireStub tertiary = new OpenAiWireStub("tertiary");
    private LocalRuntime runtime;
    private PipelineDriver driver;

    @BeforeEach
    void start() {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.turn.deadline", "9s",
                "wa.sqs.delivery-delay", "0s",
                "llm.default-order", "primary,secondary,tertiary",
                "llm.providers.openai.enabled", false,
                "llm.routing.cache-ttl", "1s"));
        for (OpenAiWireStub stub : List.of(primary, secondary, tertiary)) {
            String name = stub == primary ? "primary" : stub == secondary ? "secondary" : "tertiary";
            properties.put("llm.providers." + name + ".base-url", stub.baseUrl().toString());
            properties.put("llm.providers." + name + ".model", "stub-model");
            properties.put("llm.providers." + name + ".timeout", PROVIDER_TIMEOUT.toMillis() + "ms");
        }
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "llm-" + UUID.randomUUID().toString().substring(0, 8), properties));
        driver = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
    }

    @AfterEach
    void stop() {
        runtime.close();
        primary.close();
        secondary.close();
        tertiary.close();
    }

    @Test
    void allProvidersUpThePrimaryAnswers() throws Exception {
        assertThat(replyTo("Do you rent the Canon R5 " + tag())).startsWith("primary reply");
        assertThat(secondary.requestCount()).isZero();
    }

    @Test
    void primaryDownTheNextProviderAnswers() throws Exception {
        primary.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        assertThat(replyTo("Do you rent lights " + tag())).startsWith("secondary reply");
        assertThat(primary.requestCount()).isEqualTo(2); // one retry for a 5xx, then the next provider
    }

    @Test
    void twoProvidersDownTheThirdAnswers() throws Exception {
        primary.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        secondary.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        assertThat(replyTo("Gimbal available " + tag())).startsWith("tertiary reply");
    }

    @Test
    void allRemoteProvidersDownTheLocalLastResortStillAnswers() throws Exception {
        for (OpenAiWireStub stub : List.of(primary, secondary, tertiary)) {
            stub.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        }
        String reply = replyTo("hello, anyone there " + tag());
        assertThat(reply).isNotBlank().doesNotContain("reply ");
        assertThat(reply.toLowerCase()).contains("team");
    }

    @Test
    void underRateLimitingTheRetryAfterIsHonouredAndNothingIsLost() throws Exception {
        primary.rateLimitNext(1);
        assertThat(replyTo("Do you have tripods " + tag())).startsWith("primary reply");
        List<OpenAiWireStub.Request> calls = primary.requests();
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));

        // A burst of customers while the primary throttles: every one is answered, by the primary after waiting or
        // by the next provider, exactly once.
        primary.rateLimitNext(6);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String customer = customer();
            customers.add(customer);
            assertThat(driver.send(customer, "load " + i + " " + tag())).isEqualTo(200);
        }
        for (String customer : customers) {
            assertThat(await(() -> driver.textsTo(customer), 1)).hasSize(1);
        }
        Thread.sleep(1_000);
        for (String customer : customers) {
            assertThat(driver.textsTo(customer)).hasSize(1);
        }
    }

    @Test
    void aNetworkTimeoutIsRetriedThenFallsBackWithinTheDeadline() throws Exception {
        primary.mode(OpenAiWireStub.Mode.HANG);
        Instant sent = Instant.now();
        assertThat(replyTo("Is the FX3 free " + tag())).startsWith("secondary reply");
        Duration took = Duration.between(sent, Instant.now());
        assertThat(primary.requestCount()).isEqualTo(2);
        assertThat(took).isLessThan(Duration.ofSeconds(9 + 3)); // the turn deadline, plus queue and send time
    }

    @Test
    void anInvalidKeyIsNotRetriedMarksTheProviderMisconfiguredAndTheFallbackAnswers() throws Exception {
        primary.mode(OpenAiWireStub.Mode.INVALID_KEY);
        assertThat(replyTo("What lenses do you have " + tag())).startsWith("secondary reply");
        assertThat(primary.requestCount()).isEqualTo(1);

        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.baseUri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"primary\":{\"circuit\":\"OPEN\",\"misconfigured\":true,\"lastError\":\"MISCONFIGURED\"");

        assertThat(replyTo("And audio recorders " + tag())).startsWith("secondary reply");
        assertThat(primary.requestCount()).isEqualTo(1);
    }

    @Test
    void whileThePrimaryCircuitIsOpenNoCallReachesIt() throws Exception {
        primary.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        replyTo("first " + tag());
        replyTo("second " + tag());
        int callsWhenOpen = primary.callCount();
        // Two for the first turn (its intent classification when the rules and embeddings leave it ambiguous, else
        // its reply), then the third failure opened the circuit.
        assertThat(callsWhenOpen).isEqualTo(3);

        for (int i = 0; i < 3; i++) {
            assertThat(replyTo("while open " + i + " " + tag())).startsWith("secondary reply");
        }
        assertThat(primary.callCount()).isEqualTo(callsWhenOpen);
    }

    private String replyTo(String text) throws Exception {
        String customer = customer();
        assertThat(driver.send(customer, text)).isEqualTo(200);
        List<Map<String, Object>> replies = await(() -> driver.textsTo(customer), 1);
        assertThat(replies).as("reply to '%s'", text).hasSize(1);
        return bodyOf(replies.get(0));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
