package dev.waagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole harness against {@link FakeRuntime}: a clean run passes, and each fault it can inject shows up as the
 * figure it should. Waits are bounded by {@code --timeout}; nothing asserts on time.
 */
class LoadRunTest {

    @TempDir
    Path dir;

    private FakeRuntime runtime;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        runtime = new FakeRuntime();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void aCleanClosedLoopRunExpectsOneReplyPerMessageAndPasses() throws Exception {
        int code = harness("--concurrency", "4");

        JsonNode report = report();
        assertThat(code).as(output()).isZero();
        assertThat(report.path("verdict").asText()).isEqualTo("PASS");
        assertThat(report.at("/webhooks/messagesSent").asInt()).isEqualTo(36);
        assertThat(report.at("/webhooks/acknowledged").asInt()).isEqualTo(36);
        assertThat(report.at("/webhooks/ackLatencyMs/count").asInt()).isEqualTo(36 - 5);
        assertThat(report.at("/replies/expected").asInt()).isEqualTo(36);
        assertThat(report.at("/replies/received").asInt()).isEqualTo(36);
        assertThat(report.at("/replies/lost").asInt()).isZero();
        assertThat(report.at("/replies/duplicated").asInt()).isZero();
        assertThat(report.at("/replies/readReceipts").asInt()).isEqualTo(36);
        assertThat(report.at("/replies/complete").asBoolean()).isTrue();
        assertThat(report.at("/throughput/messages").asInt()).isEqualTo(36);
        assertThat(report.at("/throughput/messagesPerSecond").asDouble()).isPositive();
        assertThat(report.at("/replays/sent").asInt()).isEqualTo(4);
        assertThat(report.at("/replays/reportedAsDuplicate").asInt()).isEqualTo(4);
        assertThat(report.at("/replays/extraReplies").asInt()).isZero();
        assertThat(report.at("/scenario/tenants")).hasSize(2);
        assertThat(report.at("/outboxReads/reads").asInt()).isPositive();
        assertThat(report.at("/outboxReads/incremental").asBoolean()).isFalse();
        assertThat(output()).contains("verdict           PASS");
    }

    @Test
    void anOpenLoopRunAlsoPasses() throws Exception {
        int code = harness("--rate", "400", "--max-in-flight", "8");

        assertThat(code).as(output()).isZero();
        assertThat(report().at("/scenario/mode").asText()).isEqualTo("open-loop");
        assertThat(report().at("/replies/received").asInt()).isEqualTo(36);
    }

    @Test
    void aRuntimeThatHonoursAfterIsReadIncrementallyWithTheSameFigures() throws Exception {
        runtime.honourAfter = true;

        int code = harness("--concurrency", "4");

        JsonNode report = report();
        assertThat(code).as(output()).isZero();
        assertThat(report.at("/outboxReads/incremental").asBoolean()).isTrue();
        assertThat(report.at("/replies/received").asInt()).isEqualTo(36);
        assertThat(report.at("/replies/readReceipts").asInt()).isEqualTo(36);
        assertThat(report.at("/replays/extraReplies").asInt()).isZero();
    }

    @Test
    void aSecondReplyToOneMessageIsOneDuplicateAndFailsTheRun() throws Exception {
        runtime.replyTwice = wamid -> wamid.endsWith("C3M1");

        int code = harness("--concurrency", "4");

        JsonNode report = report();
        assertThat(code).isEqualTo(LoadHarness.EXIT_FAIL);
        assertThat(report.at("/replies/duplicated").asInt()).isEqualTo(1);
        assertThat(report.at("/replies/customersWithDuplicates").asInt()).isEqualTo(1);
        assertThat(report.at("/replies/lost").asInt()).isZero();
        assertThat(report.at("/webhooks/messagesSent").asInt()).isEqualTo(36);
    }

    @Test
    void aMessageNeverAnsweredIsLostAndItsCustomerStopsThere() throws Exception {
        runtime.neverReply = wamid -> wamid.endsWith("C5M0");

        int code = harness("--concurrency", "4", "--timeout", "3s");

        JsonNode report = report();
        assertThat(code).isEqualTo(LoadHarness.EXIT_FAIL);
        assertThat(report.at("/replies/lost").asInt()).isEqualTo(1);
        assertThat(report.at("/replies/complete").asBoolean()).isFalse();
        assertThat(report.at("/webhooks/notSent").asInt()).isEqualTo(2);
        assertThat(report.at("/replays/sent").asInt()).isEqualTo(4);
    }

    @Test
    void aReplyFromTheOtherTenantsNumberIsMisroutedAndLost() throws Exception {
        runtime.replyFromOtherTenant = wamid -> wamid.endsWith("C2M2");

        int code = harness("--concurrency", "4", "--timeout", "3s");

        JsonNode report = report();
        assertThat(code).isEqualTo(LoadHarness.EXIT_FAIL);
        assertThat(report.at("/replies/misrouted").asInt()).isEqualTo(1);
        assertThat(report.at("/replies/lost").asInt()).isEqualTo(1);
    }

    @Test
    void replaysThatAreAnsweredAgainShowAsExtraRepliesAndDuplicates() throws Exception {
        runtime.deduplicate = false;

        int code = harness("--concurrency", "4");

        JsonNode report = report();
        assertThat(code).isEqualTo(LoadHarness.EXIT_FAIL);
        assertThat(report.at("/replays/reportedAsDuplicate").asInt()).isEqualTo(4);
        assertThat(report.at("/replays/extraReplies").asInt()).isEqualTo(4);
        assertThat(report.at("/replies/duplicated").asInt()).isEqualTo(4);
    }

    @Test
    void aPostAnswered500AfterItWasStoredIsRetriedAndItsDuplicateAckIsNotAFailure() throws Exception {
        runtime.storeThenAnswer500 = wamid -> wamid.endsWith("C1M1");

        int code = harness("--concurrency", "4");

        JsonNode report = report();
        assertThat(code).as(output()).isZero();
        assertThat(report.at("/webhooks/non200").asInt()).isEqualTo(1);
        assertThat(report.at("/webhooks/retries").asInt()).isEqualTo(1);
        assertThat(report.at("/webhooks/posts").asInt()).isEqualTo(37);
        assertThat(report.at("/webhooks/acksReportingDuplicate").asInt()).isZero();
        assertThat(report.at("/replies/duplicated").asInt()).isZero();
    }

    @Test
    void aWrongAppSecretIsRefusedAndNothingIsAcknowledged() throws Exception {
        int code = harness("--concurrency", "4", "--app-secret", "wrong", "--post-retries", "0", "--timeout", "2s");

        JsonNode report = report();
        assertThat(code).isEqualTo(LoadHarness.EXIT_FAIL);
        assertThat(report.at("/webhooks/acknowledged").asInt()).isZero();
        assertThat(report.at("/webhooks/non200").asInt()).isEqualTo(12);
        assertThat(report.at("/webhooks/unacknowledged").asInt()).isEqualTo(12);
        assertThat(report.at("/webhooks/notSent").asInt()).isEqualTo(24);
        assertThat(report.at("/replies/lost").asInt()).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(LoadHarness.run(new String[] {"--customers", "0"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(LoadHarness.EXIT_ERROR);
        assertThat(LoadHarness.run(new String[] {"--url", "http://example.com:8080"}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(LoadHarness.EXIT_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.1");
    }

    private int harness(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--url", runtime.url().toString(),
                "--app-secret", FakeRuntime.SECRET,
                "--customers", "12",
                "--messages-per-customer", "3",
                "--warmup", "5",
                "--replays", "4",
                "--settle", "300ms",
                "--poll-interval", "20ms",
                "--timeout", "30s",
                "--report", dir.resolve("report.json").toString()));
        for (int i = 0; i < extra.length; i += 2) {
            int at = args.indexOf(extra[i]);
            if (at >= 0) {
                args.set(at + 1, extra[i + 1]);
            } else {
                args.add(extra[i]);
                args.add(extra[i + 1]);
            }
        }
        return LoadHarness.run(args.toArray(String[]::new), new PrintStream(out), new PrintStream(err));
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }
}
