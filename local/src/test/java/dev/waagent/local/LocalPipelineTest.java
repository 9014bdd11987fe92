package dev.waagent.local;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.turn.TurnSideCalls;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.inject.qualifiers.Qualifiers;
import dev.waagent.sqs.TurnQueueLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.customer;
import static dev.waagent.local.PipelineDriver.wamid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path on real stand-ins: signed webhook over HTTP → DynamoDB Local → ElasticMQ FIFO → the poller
 * driving the worker's Lambda handler → OpenAI wire-format stub through openai-java → Graph API stand-in.
 */
class LocalPipelineTest {

    private static final String SECRET = "pipeline-secret";
    private static final String NUMBER = DemoTenants.PUNE_NUMBER_ID;

    @TempDir
    static Path dataDir;

    private static OpenAiWireStub llm;
    private static LocalRuntime runtime;
    private static PipelineDriver driver;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        llm = new OpenAiWireStub();
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "pipeline-" + UUID.randomUUID().toString().substring(0, 8), Map.ofEntries(
                Map.entry("wa.secrets.meta-app-secret", SECRET),
                Map.entry("wa.secrets.meta-verify-token", "token"),
                Map.entry("wa.turn.burst-window", "700ms"),
                Map.entry("wa.sqs.delivery-delay", "0s"),
                Map.entry("wa.sqs.visibility-timeout", "4s"),
                Map.entry("wa.sqs.max-receive-count", 2),
                Map.entry("wa.whatsapp.graph.initial-backoff", "10ms"),
                Map.entry("wa.whatsapp.graph.max-backoff", "40ms"),
                Map.entry("llm.default-order", "stub"),
                Map.entry("llm.providers.openai.enabled", false),
                Map.entry("llm.providers.stub.base-url", llm.baseUrl().toString()),
                Map.entry("llm.providers.stub.model", "stub-model"))));
        driver = new PipelineDriver(runtime, SECRET, NUMBER);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        llm.close();
    }

    @Test
    void aSignedMessageIsReadAndAnsweredThroughTheGraphApi() throws Exception {
        String customer = customer();
        String wamid = wamid();
        assertThat(post(textDelivery(customer, wamid, "Is the FX3 available tomorrow?"))).isEqualTo(200);

        List<Map<String, Object>> replies = await(() -> textsTo(customer), 1);
        assertThat(replies).hasSize(1);
        assertThat(PipelineDriver.bodyOf(replies.get(0))).startsWith("stub reply ");
        assertThat(outboxBodies()).anySatisfy(body -> assertThat(body)
                .contains("\"status\":\"read\"").contains(wamid).contains("typing_indicator"));
    }

    @Test
    void aTurnsSideCallsRunOnTheRuntimesOneBoundedPool() throws Exception {
        String customer = customer();
        assertThat(post(textDelivery(customer, wamid(), "Is the A7S III free on Friday?"))).isEqualTo(200);
        await(() -> textsTo(customer), 1);

        assertThat(runtime.context().getBeansOfType(ExecutorService.class, Qualifiers.byName(TurnSideCalls.NAME))).hasSize(1);
        // The read receipt, the context's lookup and the store's parallel reads of the turn went through it.
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith(TurnSideCalls.NAME + "-"));
        // No pool of its own anywhere (typing receipts, context lookups, DynamoDB side calls).
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).noneMatch(name ->
                name.startsWith("typing-presence-first") || name.startsWith("context-lookup")
                        || name.startsWith("dynamodb-side-call"));
    }

    @Test
    void replaysOfTheSameWamidProduceOneReply() throws Exception {
        String customer = customer();
        byte[] delivery = textDelivery(customer, wamid(), "Do you rent the DJI RS 3?");
        for (int i = 0; i < 3; i++) {
            assertThat(post(delivery)).isEqualTo(200);
        }
        await(() -> textsTo(customer), 1);
        Thread.sleep(4_500); // past the visibility timeout and burst window: nothing else may arrive
        assertThat(textsTo(customer)).hasSize(1);
        // Replayed after the answer, the same message is still not answered twice.
        assertThat(post(delivery)).isEqualTo(200);
        Thread.sleep(1_500);
        assertThat(textsTo(customer)).hasSize(1);
        assertThat(llm.requestsMentioning("Do you rent the DJI RS 3?")).hasSize(1);
    }

    @Test
    void aBurstOfThreeMessagesGetsOneReplyGeneratedOnce() throws Exception {
        String customer = customer();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        post(textDelivery(customer, wamid(), "hi " + tag));
        post(textDelivery(customer, wamid(), "do you have the FX3 " + tag + "?"));
        post(textDelivery(customer, wamid(), "and the price for 2 days " + tag + "?"));

        await(() -> textsTo(customer), 1);
        Thread.sleep(2_000);
        assertThat(textsTo(customer)).hasSize(1);
        List<String> generations = llm.requestsMentioning(tag);
        assertThat(generations).hasSize(1);
        assertThat(generations.get(0)).contains("hi " + tag).contains("FX3 " + tag).contains("2 days " + tag);
        // Every intent of the burst, in the order asked, for the one reply to address.
        assertThat(generations.get(0)).contains("ask, in order: greeting, availability, pricing");

        List<StoredMessage> stored = store().load(new ConversationKey("pune-camera-rentals", customer), 20).recentMessages();
        assertThat(stored.stream().filter(StoredMessage::isInbound).map(StoredMessage::answeredBy).distinct()).hasSize(1);
    }

    @Test
    void aWorkerFailureMidBatchLosesNothingAndDuplicatesNothing() throws Exception {
        String unlucky = customer();
        List<String> others = List.of(customer(), customer(), customer());
        // More 500s than the Graph client's attempts: the first turn for this customer fails after its reply was
        // recorded, the trigger comes back after the visibility timeout, and the pending reply is resent.
        GraphFaults.Fault[] faults = new GraphFaults.Fault[5];
        java.util.Arrays.fill(faults, GraphFaults.Fault.serverError());
        runtime.context().getBean(GraphFaults.class).plan(unlucky, faults);

        String tag = UUID.randomUUID().toString().substring(0, 6);
        post(textDelivery(unlucky, wamid(), "unlucky " + tag));
        for (String other : others) {
            post(textDelivery(other, wamid(), "lucky " + tag + " " + other));
        }
        for (String other : others) {
            assertThat(await(() -> textsTo(other), 1)).hasSize(1);
        }
        assertThat(await(() -> textsTo(unlucky), 1)).hasSize(1);
        Thread.sleep(4_500);
        assertThat(textsTo(unlucky)).hasSize(1);
        for (String other : others) {
            assertThat(textsTo(other)).hasSize(1);
        }
        // The retried turn resent the recorded reply: the model was asked once.
        assertThat(llm.requestsMentioning("unlucky " + tag)).hasSize(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
        SqsClient sqs = runtime.context().getBean(SqsClient.class);
        TurnQueueLocation queues = runtime.context().getBean(TurnQueueLocation.class);
        String marker = "poison-" + UUID.randomUUID();
        sqs.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody("{\"not\":\"a trigger\",\"m\":\"" + marker + "\"}")
                .messageGroupId("poison-group").messageDeduplicationId(marker));

        List<Message> dead = await(() -> sqs.receiveMessage(b -> b.queueUrl(queues.deadLetterQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages().stream()
                .filter(m -> m.body().contains(marker)).toList(), 1);
        assertThat(dead).hasSize(1);
    }

    @Test
    void theLocalRoutesListTenantsAndHealth() throws Exception {
        HttpResponse<String> tenants = HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/local/tenants")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tenants.statusCode()).isEqualTo(200);
        assertThat(tenants.body()).contains(DemoTenants.PUNE_NUMBER_ID).contains(DemoTenants.JAKARTA_NUMBER_ID);

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(runtime.baseUri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private static ConversationStore store() {
        return runtime.context().getBean(ConversationStore.class);
    }

    private static int post(byte[] body) throws IOException, InterruptedException {
        return driver.post(body);
    }

    private static byte[] textDelivery(String from, String wamid, String text) {
        return driver.textDelivery(from, wamid, text);
    }

    private static List<Map<String, Object>> textsTo(String customer) {
        return driver.textsTo(customer);
    }

    private static List<String> outboxBodies() {
        return driver.outboxBodies();
    }
}
