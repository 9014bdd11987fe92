package dev.waagent.local;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.dynamodb.DynamoDbSettings;
import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generation half of a turn through the worker: the real openai-java client against a loopback server speaking
 * OpenAI's wire format (tool calls included), the seeded Pune back office (catalog, knowledge) and DynamoDB Local.
 */
class ContextScenariosTest {

    private static final String SECRET = "context-secret";
    private static final String TENANT = "pune-camera-rentals";
    private static final String OWNER = "919822000001";

    @TempDir
    static Path dataDir;

    private static final OpenAiWireStub MODEL = new OpenAiWireStub("model");
    private static LocalRuntime runtime;
    private static PipelineDriver driver;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.turn.deadline", "15s",
                "wa.sqs.delivery-delay", "0s",
                "llm.default-order", "model",
                "llm.providers.openai.enabled", false,
                "llm.routing.cache-ttl", "1s"));
        properties.put("llm.providers.model.base-url", MODEL.baseUrl().toString());
        properties.put("llm.providers.model.model", "stub-model");
        properties.put("llm.providers.model.timeout", "5s");
        properties.put("wa.scheduler.enabled", false);
        // One turn with the model down may now cost four failed calls (the intent classification of an ambiguous
        // turn, then the reply, two attempts each): the circuit must stay closed for the test after such a turn.
        properties.put("llm.routing.failure-threshold", 5);
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "ctx-" + UUID.randomUUID().toString().substring(0, 8), properties));
        driver = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        MODEL.close();
    }

    @Test
    void aModelThatInventsAPriceIsCorrectedToTheCatalogPrice() throws Exception {
        MODEL.script(OpenAiWireStub.say("Sure! The Sony FX3 is only Rs 1,999 per day."));
        String reply = replyTo(customer(), "how much is the sony fx3 per day?");

        assertThat(reply).contains("₹3,500").doesNotContain("1,999");
    }

    @Test
    void toolCallRoundsRunThroughTheWorkerAndTheQuotedTotalComesFromTheCatalog() throws Exception {
        String customer = customer();
        MODEL.script(
                OpenAiWireStub.callTool("call_a1", "check_availability", "{\"item\":\"fx3\",\"dates\":\"Saturday\"}"),
                OpenAiWireStub.callTool("call_a2", "quote_price", "{\"item\":\"fx3\",\"days\":2}"),
                OpenAiWireStub.say("Yes, the FX3 is free on Saturday: ₹7,000 for 2 days."));
        int before = MODEL.requestCount();
        String reply = replyTo(customer, "is the fx3 free on saturday? price for 2 days " + tag());

        assertThat(reply).contains("₹7,000");
        List<OpenAiWireStub.Request> calls = MODEL.requests().subList(before, MODEL.requestCount());
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).body()).contains("\"tools\"", "quote_price", "Sony FX3");
        assertThat(calls.get(2).body()).contains("\"tool_calls\"", "\"tool_call_id\":\"call_a2\"", "₹7,000", "\\\"available\\\":true");
    }

    @Test
    void aReturningCustomerAfterContextExpiryHasTheirPreviousTopicRestored() throws Exception {
        String customer = customer();
        replyTo(customer, "is the sony fx3 free on saturday?");
        expireContext(customer);
        int before = MODEL.requestCount();
        replyTo(customer, "hello again");

        String prompt = MODEL.requests().get(before).body();
        assertThat(prompt).contains("Last time they asked about: Sony FX3, saturday")
                .doesNotContain("is the sony fx3 free on saturday?");
    }

    @Test
    void didYouForgetMyQuestionFindsTheUnansweredQuestionAndApologises() throws Exception {
        String customer = customer();
        MODEL.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        try {
            // No model answers: the local responder holds and promises a person.
            replyTo(customer, "do you deliver the gimbal to Kothrud?");
        } finally {
            MODEL.mode(OpenAiWireStub.Mode.OK);
        }
        int before = MODEL.requestCount();
        replyTo(customer, "did you forget my question?");

        String prompt = MODEL.requests().get(before).body();
        assertThat(prompt).contains("missed their question", "do you deliver the gimbal to Kothrud?");
    }

    @Test
    void withNoModelTheLastResortQuotesTheCatalogPrice() throws Exception {
        String customer = customer();
        MODEL.mode(OpenAiWireStub.Mode.SERVER_ERROR);
        try {
            String reply = replyTo(customer, "price of the sony a7s iii for 3 days?");
            assertThat(reply).contains("Sony A7S III", "₹3,000", "₹9,000");
        } finally {
            MODEL.mode(OpenAiWireStub.Mode.OK);
        }
    }

    @Test
    void handOffFromTheModelHandsTheConversationToAPersonAndTheBotFallsSilent() throws Exception {
        String customer = customer();
        MODEL.script(
                OpenAiWireStub.callTool("call_h1", "hand_off", "{\"reason\":\"asks for a discount on a long rental\"}"),
                OpenAiWireStub.say("I have asked a team member to help you with that; they will reply here shortly."));
        String reply = replyTo(customer, "can you do a better rate on the fx3 for 10 days?");
        assertThat(reply).contains("team member");

        int before = MODEL.requestCount();
        assertThat(driver.send(customer, "hello?")).isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(driver.textsTo(customer)).hasSize(1);
        assertThat(MODEL.requestCount()).isEqualTo(before);
    }

    @Test
    void twoAnswersInARowThatTheBusinesssDataDoesNotSupportHandTheConversationToAPerson() throws Exception {
        command(OWNER, "/help"); // opens the owner's 24-hour window, so the handoff is sent to them as text
        int ownerTexts = driver.textsTo(OWNER).size();
        String customer = customer();
        // Neither is in the seeded Pune knowledge base or catalog (best knowledge hits score well under the support bar).
        MODEL.script(OpenAiWireStub.say("I'm not sure we do; let me see what I can find out."),
                OpenAiWireStub.say("Perhaps try a local studio; I'm not sure."));
        String first = replyTo(customer, "do you organise photography workshops for kids?");
        assertThat(first).contains("not sure we do");
        assertThat(conversation(customer).handedOff()).isFalse();

        String second = replyTo(customer, "do you give photography lessons?");
        assertThat(second).contains("I don't want to guess on this, so I've asked our team.")
                .doesNotContain("local studio");
        var conversation = conversation(customer);
        assertThat(conversation.status()).isEqualTo(ConversationStatus.HANDED_OFF);
        assertThat(conversation.handoffReason()).isEqualTo("no confident answer");
        List<Map<String, Object>> toOwner = await(() -> driver.textsTo(OWNER), ownerTexts + 1);
        assertThat(bodyOf(toOwner.get(toOwner.size() - 1))).startsWith("Handoff at Pune Camera Rentals:")
                .contains(customer, "no confident answer");

        int before = MODEL.requestCount();
        assertThat(driver.send(customer, "hello?")).isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(driver.textsTo(customer)).hasSize(2);
        assertThat(MODEL.requestCount()).isEqualTo(before);
    }

    @Test
    void greetingsAndBookingsAreNeverCountedAsUnsupportedAnswers() throws Exception {
        String customer = customer();
        replyTo(customer, "hi");
        replyTo(customer, "I want to book the fx3 for my wedding");
        replyTo(customer, "do you organise photography workshops for kids?");
        assertThat(conversation(customer).handedOff()).as("one unsupported answer after a greeting and a booking").isFalse();

        String fourth = replyTo(customer, "do you give photography lessons?");
        assertThat(fourth).contains("I don't want to guess");
        assertThat(conversation(customer).handedOff()).isTrue();
    }

    @Test
    void aGreetingAndAPriceQuoteBetweenTwoUnsupportedAnswersDoNotResetTheStreak() throws Exception {
        String customer = customer();
        MODEL.script(OpenAiWireStub.say("I'm not sure we do; let me check."));
        replyTo(customer, "do you organise photography workshops for kids?");
        MODEL.script(OpenAiWireStub.say("Hello again! How can I help?"));
        replyTo(customer, "hi " + tag());
        MODEL.script(OpenAiWireStub.callTool("call_q1", "quote_price", "{\"item\":\"fx3\",\"days\":2}"),
                OpenAiWireStub.say("The FX3 is ₹7,000 for 2 days."));
        assertThat(replyTo(customer, "price of the fx3 for 2 days? " + tag())).contains("₹7,000");
        assertThat(conversation(customer).handedOff()).isFalse();

        MODEL.script(OpenAiWireStub.say("Perhaps try a local studio; I'm not sure."));
        String fourth = replyTo(customer, "do you give photography lessons?");

        assertThat(fourth).as("the second unsupported answer, with only unjudged answers between")
                .contains("I don't want to guess on this");
        assertThat(conversation(customer).handoffReason()).isEqualTo("no confident answer");
        List<Double> judged = runtime.context().getBean(ConversationStore.class)
                .load(new ConversationKey(TENANT, customer), 20).recentMessages().stream()
                .filter(m -> !m.isInbound() && m.accounting() != null)
                .map(m -> m.accounting().confidence()).toList();
        assertThat(judged).as("stored per reply: judged support, or not judged (NaN)").hasSize(4);
        assertThat(judged.get(0)).isLessThan(0.55);
        assertThat(judged.subList(1, 3)).containsOnly(Double.NaN);
    }

    @Test
    void anAmbiguousTurnIsClassifiedByTheModelFirstAndItsTurnRecordSaysTheLlmDecided() throws Exception {
        String customer = customer();
        int classified = MODEL.classifications().size();
        int before = MODEL.requestCount();
        // No rule matches and the nearest exemplars do not agree: the router asks the model, within its deadline.
        MODEL.scriptClassification(OpenAiWireStub.say("{\"intents\":[\"GENERAL_QUESTION\",\"PRICING\"]}"));

        replyTo(customer, "do you organise photography workshops for kids?");

        assertThat(MODEL.classifications()).hasSize(classified + 1);
        assertThat(MODEL.classifications().get(classified).body()).contains("photography workshops for kids");
        assertThat(MODEL.requests().get(before).body()).contains("ask, in order: general question, pricing");
        DynamoDbClient client = runtime.context().getBean(DynamoDbClient.class);
        String table = runtime.context().getBean(DynamoDbSettings.class).getConversationsTable();
        var records = client.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :turn)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + TENANT + "#C#" + customer),
                        ":turn", AttributeValue.fromS("X#")))).items();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.get("intentStage").s()).isEqualTo("llm");
            assertThat(record.get("intents").l()).extracting(AttributeValue::s).containsExactly("GENERAL_QUESTION", "PRICING");
        });
    }

    private static dev.waagent.domain.conversation.Conversation conversation(String customer) {
        return runtime.context().getBean(ConversationStore.class).load(new ConversationKey(TENANT, customer), 1)
                .conversation();
    }

    /** Sends a staff command and waits for its answer. */
    private static void command(String staff, String text) throws Exception {
        int before = driver.textsTo(staff).size();
        assertThat(driver.send(staff, text)).isEqualTo(200);
        await(() -> driver.textsTo(staff), before + 1);
    }

    private static void expireContext(String customer) {
        DynamoDbClient client = runtime.context().getBean(DynamoDbClient.class);
        String table = runtime.context().getBean(DynamoDbSettings.class).getConversationsTable();
        client.updateItem(update -> update.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("T#" + TENANT + "#C#" + customer), "sk", AttributeValue.fromS("CONV")))
                .updateExpression("SET contextFrom = :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(Instant.now().toEpochMilli())))));
    }

    /** Sends one message and waits for its reply (the customer's next one). */
    private static String replyTo(String customer, String text) throws Exception {
        int earlier = driver.textsTo(customer).size();
        assertThat(driver.send(customer, text)).isEqualTo(200);
        List<Map<String, Object>> replies = await(() -> driver.textsTo(customer), earlier + 1);
        assertThat(replies).as("reply to '%s'", text).hasSize(earlier + 1);
        return bodyOf(replies.get(earlier));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
