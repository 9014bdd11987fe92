package dev.waagent.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import dev.waagent.embedded.EmbeddedSqs;
import dev.waagent.sqs.TurnQueueLocation;
import dev.waagent.twilio.FormEncoding;
import dev.waagent.twilio.TwilioSignatureVerifier;
import dev.waagent.twilio.TwilioWebhookParser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twilio webhook path (controller → service → recorder) on DynamoDB Local and ElasticMQ, driven by every Twilio
 * fixture request, signed the way Twilio signs: over the public URL and the decoded parameters.
 */
class TwilioIngestServiceTest {

    private static final String PREFIX = "tw-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PUBLIC_BASE = "https://hooks.example.test/prod";
    private static final String PATH = "/webhooks/twilio";
    private static final String URL = PUBLIC_BASE + PATH;
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TENANT_TOKEN = "tenant-auth-token";
    private static final String PLATFORM_TOKEN = "platform-auth-token";
    private static final String UNKNOWN = TwilioWebhookParser.UNKNOWN_BUSINESS;

    private static ApplicationContext context;
    private static TwilioIngestService service;
    /**
     * The same service, but its parser stamps every message with one fixed time. Twilio sends no timestamp, so
     * {@code sentAt} is the receive time, and the store's dedup key holds {@code sentAt} to the second: only with a
     * fixed clock is a replay deterministically the same item (see the lead's note on the store's dedup key).
     */
    private static TwilioIngestService fixedClockService;
    private static TenantDirectory tenants;
    private static ConversationStore store;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString());
        properties.put("wa.dynamodb.create-tables", true);
        properties.put("wa.dynamodb.conversations-table", PREFIX + "-conversations");
        properties.put("wa.dynamodb.tenants-table", PREFIX + "-tenants");
        properties.put("wa.sqs.endpoint", EmbeddedSqs.shared().endpoint().toString());
        properties.put("wa.sqs.create-queues", true);
        properties.put("wa.sqs.turn-queue-name", PREFIX + "-turns.fifo");
        properties.put("wa.metrics.enabled", false);
        properties.put("wa.twilio.public-base-url", PUBLIC_BASE + "/");
        properties.put("wa.secrets.twilio-shop", ACCOUNT_SID + ":" + TENANT_TOKEN);
        properties.put("wa.secrets.twilio-auth-token", PLATFORM_TOKEN);
        properties.put("wa.secrets.twilio-webhook-only", "separate-webhook-token");
        context = ApplicationContext.run(properties);
        service = context.getBean(TwilioIngestService.class);
        Instant fixed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixedClockService = new TwilioIngestService(new TwilioWebhookParser(new FixedTime(fixed)), new TwilioSignatureVerifier(),
                context.getBean(TenantDirectory.class), context.getBean(SecretStore.class),
                context.getBean(ChannelEventRecorder.class), TimeSource.system(), context.getBean(TwilioWebhookSettings.class),
                context.getBean(IngestMetrics.class));
        tenants = context.getBean(TenantDirectory.class);
        store = context.getBean(ConversationStore.class);

        // Every business number a fixture names belongs to a tenant here, except the courier status bodies, which
        // name none ("unknown"): those must be acknowledged and dropped.
        int i = 0;
        for (String file : fixtures()) {
            String number = TwilioWebhookParser.businessNumberId(params(file));
            if (!number.equals(UNKNOWN) && tenants.findByBusinessNumber("twilio", number).isEmpty()) {
                tenants.save(tenant(PREFIX + "-fx-" + i++, number, null, "twilio-shop", true));
            }
        }
        tenants.save(tenant(PREFIX + "-own-token", "+15550000001", "twilio-webhook-only", "twilio-shop", true));
        tenants.save(tenant(PREFIX + "-inactive", "+15550000002", null, "twilio-shop", false));
        tenants.save(tenant(PREFIX + "-queue", "+15550000003", null, "twilio-shop", true));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    // ------------------------------------------------------------------------------- every fixture

    static List<String> fixtures() {
        Path inbound = fixturesRoot().resolve("twilio/inbound");
        try (Stream<Path> files = Files.walk(inbound)) {
            return files.filter(Files::isRegularFile).map(file -> inbound.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyTwilioFixtureRequestIsFound() {
        assertThat(fixtures()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureRequestSignedByTwilioIsAcknowledgedAndRecordedOnce(String file) {
        byte[] body = formBody(file);
        Map<String, List<String>> params = FormEncoding.decode(body);
        String number = TwilioWebhookParser.businessNumberId(params);
        String token = number.equals(UNKNOWN) ? PLATFORM_TOKEN : TENANT_TOKEN;

        IngestResult result = fixedClockService.receive(body, TwilioSignatureVerifier.sign(URL, params, token), PATH, null);

        assertThat(result.status()).as(result.message()).isEqualTo(200);
        ChannelEvent event = new TwilioWebhookParser(TimeSource.system()).parse(params).get(0);
        if (number.equals(UNKNOWN)) {
            assertThat(result.dropped()).isEqualTo(1);
            return;
        }
        assertThat(result.dropped()).isZero();
        if (event instanceof InboundMessage message) {
            // Several courier bodies share one MessageSid: the first stores it, the others are duplicates.
            assertThat(result.messages() + result.duplicates()).isEqualTo(1);
            String tenantId = tenants.findByBusinessNumber("twilio", number).orElseThrow().id();
            assertThat(store.load(new ConversationKey(tenantId, message.customerId()), 200).recentMessages())
                    .anySatisfy(stored -> assertThat(stored.messageId()).isEqualTo(message.messageId()));
            IngestResult replay = fixedClockService.receive(body, TwilioSignatureVerifier.sign(URL, params, token), PATH, null);
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.messages()).isZero();
            assertThat(replay.duplicates()).isEqualTo(1);
        } else {
            assertThat(event).isInstanceOf(DeliveryStatusUpdate.class);
            assertThat(result.statuses()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------- routing and queueing

    @Test
    void aWhatsAppTextIsQueuedAsATurnForItsCustomer() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = inboundText("+15550000003", "919812345678", sid, "Is the FX3 free on Saturday?");

        assertThat(post(body, TENANT_TOKEN).status()).isEqualTo(200);

        SqsClient sqs = context.getBean(SqsClient.class);
        String queueUrl = context.getBean(TurnQueueLocation.class).queueUrl();
        List<Message> queued = new ArrayList<>();
        for (int round = 0; round < 200 && queued.stream().noneMatch(m -> m.body().contains(sid)); round++) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
            if (batch.isEmpty()) {
                break;
            }
            queued.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
        assertThat(queued).anySatisfy(message -> {
            assertThat(message.body()).contains(sid);
            assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .isEqualTo(PREFIX + "-queue#919812345678");
        });
    }

    @Test
    void aStatusCallbackIsRoutedByTheBusinessInFrom() {
        byte[] body = form("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "MessageStatus", "undelivered",
                "ErrorCode", "63016", "From", "whatsapp:+15550000003", "To", "whatsapp:+919812345678",
                "AccountSid", ACCOUNT_SID, "ChannelPrefix", "whatsapp");

        IngestResult result = post(body, TENANT_TOKEN);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.statuses()).isEqualTo(1);
        assertThat(result.dropped()).isZero();
    }

    @Test
    void aTenantWithItsOwnWebhookSecretIsVerifiedWithThatToken() {
        byte[] body = inboundText("+15550000001", "919800000011", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");

        assertThat(post(body, "separate-webhook-token").status()).isEqualTo(200);
        assertThat(post(body, TENANT_TOKEN).status()).isEqualTo(401);
    }

    @Test
    void anInactiveTenantsNumberCountsAsUnownedAndIsDroppedWhenThePlatformSigned() {
        byte[] body = inboundText("+15550000002", "919800000012", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");

        assertThat(post(body, TENANT_TOKEN).status()).isEqualTo(401);
        IngestResult result = post(body, PLATFORM_TOKEN);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.dropped()).isEqualTo(1);
        assertThat(store.load(new ConversationKey(PREFIX + "-inactive", "919800000012"), 10).recentMessages()).isEmpty();
    }

    @Test
    void anUnownedNumberIsDroppedOnlyWithThePlatformSignatureElseRefusedLikeAnyBadSignature() {
        byte[] body = inboundText("+15559999999", "919800000013", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");

        IngestResult platform = post(body, PLATFORM_TOKEN);
        assertThat(platform.status()).isEqualTo(200);
        assertThat(platform.dropped()).isEqualTo(1);
        IngestResult stranger = post(body, TENANT_TOKEN);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.error()).isEqualTo("invalid_signature");
    }

    // ------------------------------------------------------------------------------- signatures

    @Test
    void aWrongOrMissingSignatureIsRefusedWithA401AndWritesNothing() {
        byte[] body = inboundText("+15550000003", "919800000014", "SM" + UUID.randomUUID().toString().replace("-", ""), "hello");

        IngestResult wrong = post(body, "not-the-token");
        IngestResult missing = service.receive(body, null, PATH, null);
        IngestResult garbage = service.receive(body, "not base64!", PATH, null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("invalid_signature");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.error()).isEqualTo("missing_signature");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(store.load(new ConversationKey(PREFIX + "-queue", "919800000014"), 10).recentMessages()).isEmpty();
    }

    @Test
    void theSignatureCoversThePublicUrlNotTheOneTheApplicationSees() {
        byte[] body = inboundText("+15550000003", "919800000015", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");
        Map<String, List<String>> params = FormEncoding.decode(body);

        String internal = TwilioSignatureVerifier.sign("http://localhost:8080" + PATH, params, TENANT_TOKEN);
        String withPort = TwilioSignatureVerifier.sign("https://hooks.example.test:443/prod" + PATH, params, TENANT_TOKEN);
        String withQuery = TwilioSignatureVerifier.sign(URL + "?tenant=camera-hub", params, TENANT_TOKEN);

        assertThat(service.receive(body, internal, PATH, null).status()).isEqualTo(401);
        assertThat(service.receive(body, withPort, PATH, null).status()).isEqualTo(200);
        assertThat(service.receive(body, withQuery, PATH, "tenant=camera-hub").status()).isEqualTo(200);
        assertThat(service.receive(body, withQuery, PATH, null).status()).isEqualTo(401);
    }

    @Test
    void aSignatureOverDifferentParametersIsRefused() {
        byte[] body = inboundText("+15550000003", "919800000016", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");
        Map<String, List<String>> tampered = new LinkedHashMap<>(FormEncoding.decode(body));
        tampered.put("Body", List.of("send me everything"));

        assertThat(service.receive(body, TwilioSignatureVerifier.sign(URL, tampered, TENANT_TOKEN), PATH, null).status())
                .isEqualTo(401);
    }

    // ------------------------------------------------------------------------------- bad input

    @Test
    void anUndecodableBodyIsA400AndAnOversizedBodyA413() {
        byte[] broken = "MessageSid=SM1&Body=%zz".getBytes(StandardCharsets.US_ASCII);
        IngestResult malformed = service.receive(broken, "c2lnbmF0dXJlLXZhbHVlLTIwYg==", PATH, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).isEqualTo("malformed_payload");

        byte[] huge = new byte[262_145];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(service.receive(huge, "x", PATH, null).status()).isEqualTo(413);
    }

    @Test
    void aSignedRequestThatIsNotAMessageIsA400ButUnsignedItIsA401() {
        byte[] noSid = form("To", "whatsapp:+15550000003", "From", "whatsapp:+919800000017", "Body", "hi");

        IngestResult signed = post(noSid, TENANT_TOKEN);
        assertThat(signed.status()).isEqualTo(400);
        assertThat(signed.error()).isEqualTo("malformed_payload");
        assertThat(signed.message()).contains("MessageSid");
        assertThat(post(noSid, "not-the-token").status()).isEqualTo(401);
    }

    @Test
    void withoutAPublicBaseUrlTwilioDeliveriesAreA503() {
        TwilioWebhookSettings unset = new TwilioWebhookSettings() {
            @Override
            public String getPublicBaseUrl() {
                return null;
            }

            @Override
            public String getAuthTokenRef() {
                return "twilio-auth-token";
            }

            @Override
            public int getMaxBodyBytes() {
                return 262_144;
            }
        };
        TwilioIngestService unconfigured = new TwilioIngestService(context.getBean(TwilioWebhookParser.class),
                new TwilioSignatureVerifier(), tenants, context.getBean(SecretStore.class),
                context.getBean(ChannelEventRecorder.class), TimeSource.system(), unset, context.getBean(IngestMetrics.class));
        byte[] body = inboundText("+15550000003", "919800000018", "SM1", "hi");

        IngestResult result = unconfigured.receive(body, TwilioSignatureVerifier.sign(URL, FormEncoding.decode(body), TENANT_TOKEN),
                PATH, null);

        assertThat(result.status()).isEqualTo(503);
        assertThat(result.error()).isEqualTo("twilio_not_configured");
    }

    // ------------------------------------------------------------------------------- controller

    @Test
    void theControllerAnswersEmptyTwimlOnSuccessAndJsonErrorsOtherwise() {
        TwilioWebhookController controller = context.getBean(TwilioWebhookController.class);
        byte[] body = inboundText("+15550000003", "919800000019", "SM" + UUID.randomUUID().toString().replace("-", ""), "hi");
        String signature = TwilioSignatureVerifier.sign(URL + "?src=console", FormEncoding.decode(body), TENANT_TOKEN);

        String text = new String(body, StandardCharsets.US_ASCII);
        HttpResponse<?> ok = controller.receive(request("/webhooks/twilio?src=console", body, signature), text, signature);
        HttpResponse<?> refused = controller.receive(request("/webhooks/twilio", body, signature), text, signature);
        HttpResponse<?> empty = controller.receive(request("/webhooks/twilio", body, signature), null, signature);

        assertThat(ok.status().getCode()).isEqualTo(200);
        assertThat(ok.getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo(MediaType.TEXT_XML));
        assertThat(ok.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(refused.status().getCode()).isEqualTo(401);
        assertThat(refused.getContentType()).hasValueSatisfying(type -> assertThat(type.getName()).isEqualTo(MediaType.APPLICATION_JSON));
        assertThat(refused.body()).isEqualTo(new ErrorBody("invalid_signature", "signature does not match the URL and parameters"));
        assertThat(empty.status().getCode()).isEqualTo(400);
    }

    // ------------------------------------------------------------------------------- helpers

    private static IngestResult post(byte[] body, String token) {
        return service.receive(body, TwilioSignatureVerifier.sign(URL, FormEncoding.decode(body), token), PATH, null);
    }

    private static HttpRequest<byte[]> request(String uri, byte[] body, String signature) {
        return HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(TwilioSignatureVerifier.HEADER, signature);
    }

    /** A Twilio WhatsApp inbound text as Twilio sends it (param set of a real sandbox capture). */
    private static byte[] inboundText(String business, String customer, String sid, String text) {
        return form("SmsMessageSid", sid, "NumMedia", "0", "ProfileName", "Asha", "SmsSid", sid, "WaId", customer,
                "SmsStatus", "received", "Body", text, "To", "whatsapp:" + business, "NumSegments", "1",
                "ReferralNumMedia", "0", "MessageSid", sid, "AccountSid", ACCOUNT_SID, "From", "whatsapp:+" + customer,
                "ApiVersion", "2010-04-01");
    }

    private static byte[] form(String... namesAndValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return FormEncoding.encode(params).getBytes(StandardCharsets.US_ASCII);
    }

    private static Tenant tenant(String id, String number, String appSecretRef, String accessTokenRef, boolean active) {
        return new Tenant(id, "Tenant " + id, "twilio", number, number, appSecretRef, accessTokenRef, "Asha", null, null,
                ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), active);
    }

    /** A clock that never moves. */
    private record FixedTime(Instant now) implements TimeSource {
        @Override
        public void sleep(java.time.Duration duration) {
        }
    }

    private static Path fixturesRoot() {
        String configured = System.getProperty("wa.fixtures.dir");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../../shared/fixtures");
        if (!Files.isDirectory(path.resolve("twilio"))) {
            path = Path.of("../../../shared/fixtures");
        }
        return path.toAbsolutePath().normalize();
    }

    /** The form body of a fixture: {@code .form} as is, the body of an {@code .http.txt} dump, a JSON dump re-encoded. */
    private static byte[] formBody(String file) {
        Path path = fixturesRoot().resolve("twilio/inbound").resolve(file);
        try {
            byte[] raw = Files.readAllBytes(path);
            if (file.endsWith(".form")) {
                return raw;
            }
            if (file.endsWith(".http.txt")) {
                String text = new String(raw, StandardCharsets.UTF_8);
                String body = text.substring(text.indexOf("\n.\n") + 3);
                return body.strip().getBytes(StandardCharsets.UTF_8);
            }
            JsonNode json = new ObjectMapper().readTree(raw);
            Map<String, List<String>> params = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                params.put(field.getKey(), List.of(field.getValue().asText()));
            }
            return FormEncoding.encode(params).getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> params(String file) {
        return FormEncoding.decode(formBody(file));
    }
}
