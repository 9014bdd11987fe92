package dev.waagent.local;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/** Consent, spam and handoff hold through the worker, whatever the model would have said. */
class ConversationRulesTest {

    private static final String SECRET = "rules-secret";
    private static final String TENANT = "pune-camera-rentals";

    @TempDir
    static Path dataDir;
    private static LocalRuntime runtime;
    private static PipelineDriver driver;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "rules-" + UUID.randomUUID().toString().substring(0, 8), Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.sqs.delivery-delay", "0s",
                "llm.providers.openai.enabled", false)));
        driver = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void stopIsConfirmedOnceAndNothingIsSentUntilStart() throws Exception {
        String customer = customer();
        driver.send(customer, "STOP");
        List<Map<String, Object>> confirmation = await(() -> driver.textsTo(customer), 1);
        assertThat(bodyOf(confirmation.get(0))).contains("START");

        driver.send(customer, "hello? do you have lights");
        driver.send(customer, "anyone?");
        awaitAllAnswered(customer, 3);
        assertThat(driver.textsTo(customer)).hasSize(1);

        driver.send(customer, "START");
        assertThat(await(() -> driver.textsTo(customer), 2)).hasSize(2);
        assertThat(bodyOf(driver.textsTo(customer).get(1))).contains("Welcome back");
    }

    @Test
    void spamIsRecordedButNeverAnswered() throws Exception {
        String customer = customer();
        driver.send(customer, "Dapatkan pulsa gratis! klik bit.ly/promo");
        awaitAllAnswered(customer, 1);
        assertThat(driver.textsTo(customer)).isEmpty();
        assertThat(store().load(new ConversationKey(TENANT, customer), 10).recentMessages())
                .extracting(StoredMessage::answeredBy).containsExactly("spam");
    }

    @Test
    void afterAHandoffTheBotSendsNothingWhileAPersonOwnsTheConversation() throws Exception {
        String customer = customer();
        driver.send(customer, "I want to talk to a human please");
        List<Map<String, Object>> notice = await(() -> driver.textsTo(customer), 1);
        assertThat(bodyOf(notice.get(0))).contains("team");
        assertThat(store().load(new ConversationKey(TENANT, customer), 10).conversation().handedOff()).isTrue();

        for (int i = 0; i < 3; i++) {
            driver.send(customer, "still there? question " + i);
        }
        awaitAllAnswered(customer, 4);
        assertThat(driver.textsTo(customer)).hasSize(1);
    }

    @Test
    void theChatSimulatorSendsThroughTheWebhookAndShowsEachRepliesAccounting() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String page = http.send(java.net.http.HttpRequest.newBuilder(runtime.baseUri().resolve("/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("wa-agent simulator");

        String customer = customer();
        int status = http.send(java.net.http.HttpRequest.newBuilder(runtime.baseUri().resolve("/local/chat"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"tenantId\":\"" + TENANT + "\",\"customer\":\""
                        + customer + "\",\"text\":\"hello\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).isEqualTo(200);
        awaitAllAnswered(customer, 1);
        await(() -> driver.textsTo(customer), 1);
        String conversation = http.send(java.net.http.HttpRequest.newBuilder(runtime.baseUri()
                .resolve("/local/conversation?tenantId=" + TENANT + "&customer=" + customer)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(conversation).contains("\"direction\":\"OUTBOUND\"").contains("\"provider\":\"local\"").contains("\"route\":\"local:OK\"");
    }

    private static void awaitAllAnswered(String customer, int inbound) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<StoredMessage> messages = store().load(new ConversationKey(TENANT, customer), 50).recentMessages();
            long answered = messages.stream().filter(StoredMessage::isInbound).filter(m -> m.answeredBy() != null).count();
            if (answered >= inbound) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("messages of " + customer + " were not all handled in time");
    }

    private static ConversationStore store() {
        return runtime.context().getBean(ConversationStore.class);
    }
}
