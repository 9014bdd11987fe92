package dev.waagent.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.embedded.EmbeddedSqs;
import dev.waagent.sqs.TurnQueueLocation;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import dev.waagent.whatsapp.ParsedDelivery;
import dev.waagent.whatsapp.WhatsAppWebhookParser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook through its Lambda entry point, with real API Gateway events, on DynamoDB Local and ElasticMQ. */
class WebhookHandlerTest {

    private static final String APP_SECRET = "test-app-secret";
    private static final String VERIFY_TOKEN = "test-verify-token";
    private static final String PREFIX = "wh-" + UUID.randomUUID().toString().substring(0, 8);

    private static ApplicationContext context;
    private static WebhookHandler handler;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString(),
                "wa.dynamodb.create-tables", true,
                "wa.dynamodb.conversations-table", PREFIX + "-conversations",
                "wa.dynamodb.tenants-table", PREFIX + "-tenants",
                "wa.sqs.endpoint", EmbeddedSqs.shared().endpoint().toString(),
                "wa.sqs.create-queues", true,
                "wa.sqs.turn-queue-name", PREFIX + "-turns.fifo",
                "wa.secrets.meta-app-secret", APP_SECRET,
                "wa.secrets.meta-verify-token", VERIFY_TOKEN,
                "wa.metrics.enabled", false));
        handler = new WebhookHandler(context);
        json = context.getBean(JsonMapper.class);
        // Every business number the fixtures name belongs to a tenant here, so every event is persisted.
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        WhatsAppWebhookParser parser = new WhatsAppWebhookParser(TimeSource.system());
        deliveries().map(WebhookHandlerTest::read).filter(WebhookHandlerTest::isJson).forEach(body -> {
            for (String number : parser.parseDelivery(body).businessNumberIds()) {
                if (tenants.findByBusinessNumber("whatsapp", number).isEmpty()) {
                    tenants.save(tenant("tenant-" + number, number));
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static Stream<Path> deliveries() {
        Path root = Path.of(System.getProperty("wa.fixtures.dir", "../../shared/fixtures")).resolve("meta");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = new ArrayList<>();
            files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .filter(p -> isDelivery(read(p)) || !isJson(read(p)))
                    .forEach(found::add);
            return found.stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fixturesAreFound() {
        assertThat(deliveries().count()).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void everyFixtureDeliveryIsAcknowledgedAndPersisted(Path fixture) throws IOException {
        byte[] body = read(fixture);
        APIGatewayProxyResponseEvent response = post(body, MetaSignatureVerifier.sign(body, APP_SECRET));

        if (!isJson(body)) {
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).contains("malformed_payload");
            return;
        }
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        ParsedDelivery expected = new WhatsAppWebhookParser(TimeSource.system()).parseDelivery(body);
        Map<?, ?> counts = json.readValue(response.getBody(), Map.class);
        assertThat(((Number) counts.get("messages")).intValue() + ((Number) counts.get("duplicates")).intValue())
                .isEqualTo(expected.messages().size());
        assertThat(((Number) counts.get("statuses")).intValue()).isEqualTo(expected.statuses().size());
        assertThat(((Number) counts.get("dropped")).intValue()).isZero();

        ConversationStore store = context.getBean(ConversationStore.class);
        TenantDirectory tenants = context.getBean(TenantDirectory.class);
        for (InboundMessage message : expected.messages()) {
            String tenantId = tenants.findByBusinessNumber("whatsapp", message.businessNumberId()).orElseThrow().id();
            assertThat(store.load(new ConversationKey(tenantId, message.customerId()), 200).recentMessages())
                    .anySatisfy(stored -> assertThat(stored.messageId()).isEqualTo(message.messageId()));
        }
        // Replays are acknowledged and write nothing new.
        APIGatewayProxyResponseEvent replay = post(body, MetaSignatureVerifier.sign(body, APP_SECRET));
        assertThat(replay.getStatusCode()).isEqualTo(200);
        assertThat(((Number) json.readValue(replay.getBody(), Map.class).get("messages")).intValue()).isZero();
    }

    @Test
    void aTextMessageIsQueuedAsATurnForItsCustomerInOrder() throws IOException {
        String number = "990000000000001";
        context.getBean(TenantDirectory.class).save(tenant("tenant-order", number));
        String wamid = "wamid.order-" + UUID.randomUUID();
        byte[] body = textDelivery(number, "919812345678", wamid, "Is the FX3 free on Saturday?");

        assertThat(post(body, MetaSignatureVerifier.sign(body, APP_SECRET)).getStatusCode()).isEqualTo(200);

        SqsClient sqs = context.getBean(SqsClient.class);
        String queueUrl = context.getBean(TurnQueueLocation.class).queueUrl();
        // Other tests queue turns too: drain until ours shows up.
        List<Message> queued = new ArrayList<>();
        for (int round = 0; round < 200 && queued.stream().noneMatch(m -> m.body().contains(wamid)); round++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).messages();
            if (batch.isEmpty()) {
                break;
            }
            queued.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
        assertThat(queued).anySatisfy(message -> {
            assertThat(message.body()).contains(wamid);
            assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("tenant-order#919812345678");
            assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).isEqualTo("tenant-order:" + wamid);
        });
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWithA401AndWritesNothing() throws IOException {
        String number = "990000000000002";
        context.getBean(TenantDirectory.class).save(tenant("tenant-sig", number));
        byte[] body = textDelivery(number, "919800000002", "wamid.sig-" + UUID.randomUUID(), "hello");

        APIGatewayProxyResponseEvent wrong = post(body, MetaSignatureVerifier.sign(body, "not-the-secret"));
        APIGatewayProxyResponseEvent missing = post(body, null);

        assertThat(wrong.getStatusCode()).isEqualTo(401);
        assertThat(wrong.getBody()).contains("invalid_signature");
        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(missing.getBody()).contains("missing_signature");
        assertThat(context.getBean(ConversationStore.class)
                .load(new ConversationKey("tenant-sig", "919800000002"), 10).recentMessages()).isEmpty();
    }

    @Test
    void invalidJsonIsA400AndAnOversizedBodyA413() throws IOException {
        byte[] broken = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        APIGatewayProxyResponseEvent malformed = post(broken, MetaSignatureVerifier.sign(broken, APP_SECRET));
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("malformed_payload");

        byte[] huge = new byte[3 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        APIGatewayProxyResponseEvent tooLarge = post(huge, MetaSignatureVerifier.sign(huge, APP_SECRET));
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
    }

    @Test
    void aNumberNoTenantOwnsIsAcknowledgedAndDropped() throws IOException {
        byte[] body = textDelivery("990000000009999", "919800000003", "wamid.nobody-" + UUID.randomUUID(), "hello?");
        APIGatewayProxyResponseEvent response = post(body, MetaSignatureVerifier.sign(body, APP_SECRET));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(((Number) json.readValue(response.getBody(), Map.class).get("dropped")).intValue()).isEqualTo(1);
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForTheRightToken() throws IOException {
        APIGatewayProxyResponseEvent ok = handler.handleRequest(verifyEvent(VERIFY_TOKEN), null);
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getBody()).isEqualTo("1158201444");

        APIGatewayProxyResponseEvent refused = handler.handleRequest(verifyEvent("meatyhamhock"), null);
        assertThat(refused.getStatusCode()).isEqualTo(403);
    }

    @Test
    void theHotPathIsPrimedBeforeTheSnapStartCheckpoint() {
        context.getBean(io.micronaut.crac.test.CheckpointSimulator.class).runBeforeCheckpoint();
        assertThat(context.getBean(dev.waagent.lambda.PrimingResource.class).primed()).containsKey("webhook");
        context.getBean(io.micronaut.crac.test.CheckpointSimulator.class).runAfterRestore();
    }

    @Test
    void thousandsOfInvocationsDoNotSlowTheHandlerDown() throws IOException {
        // Guards the per-invocation bean registration leak of micronaut-function-aws (see CurrentLambdaContext):
        // the number of bean definitions must not grow with invocations.
        APIGatewayProxyRequestEvent event = verifyEvent(VERIFY_TOKEN);
        handler.handleRequest(event, null);
        int before = context.getAllBeanDefinitions().size();
        for (int i = 0; i < 2_000; i++) {
            handler.handleRequest(event, null);
        }
        assertThat(context.getAllBeanDefinitions().size()).isEqualTo(before);
    }

    private static APIGatewayProxyResponseEvent post(byte[] body, String signature) throws IOException {
        String template = resource("apigateway-whatsapp-post.json");
        APIGatewayProxyRequestEvent event = json.readValue(template.replace("${signature}", signature == null ? "" : signature),
                APIGatewayProxyRequestEvent.class);
        event.setBody(new String(body, StandardCharsets.UTF_8));
        if (signature == null) {
            event.getHeaders().remove("X-Hub-Signature-256");
            event.getMultiValueHeaders().remove("X-Hub-Signature-256");
        }
        return handler.handleRequest(event, null);
    }

    private static APIGatewayProxyRequestEvent verifyEvent(String token) throws IOException {
        return json.readValue(resource("apigateway-whatsapp-verify.json").replace("${token}", token),
                APIGatewayProxyRequestEvent.class);
    }

    static byte[] textDelivery(String phoneNumberId, String from, String wamid, String text) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"" + from + "\"}],"
                + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"1795342530\",\"type\":\"text\","
                + "\"text\":{\"body\":\"" + text + "\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static Tenant tenant(String id, String number) {
        return new Tenant(id, "Tenant " + id, "whatsapp", number, null, "meta-app-secret", "none", "Asha", null, null,
                ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    }

    /** Strict: a body with anything after its root value is not JSON (one fixture is published that way). */
    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A webhook delivery is an object with {@code object} and {@code entry}; other fixture files are send requests, responses or errors. */
    private static boolean isDelivery(byte[] body) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = STRICT.readTree(body);
            return root != null && root.has("object") && root.has("entry");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isJson(byte[] body) {
        try {
            STRICT.readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebhookHandlerTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
