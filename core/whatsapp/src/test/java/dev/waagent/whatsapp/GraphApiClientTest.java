package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.whatsapp.GraphApiStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GraphApiClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKEN = "EAAJB-test-token";
    private static final String WAMID = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA";
    private static final Tenant TENANT = new Tenant("tenant-1", "Lucky Shrub", "whatsapp", "106540352242922", "+1 555 078 3881",
            "ref/app-secret", "ref/access-token", "Ava", "friendly", "open 9-5", null, null, null, true);
    private static final SecretStore SECRETS = reference -> reference.equals("ref/access-token") ? Optional.of(TOKEN) : Optional.empty();

    private GraphApiStub stub;
    private RecordingTime time;
    private GraphApiSettings settings;
    private GraphApiClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new GraphApiStub();
        time = new RecordingTime(Instant.parse("2026-01-15T10:00:00Z"));
        settings = new GraphApiSettings(stub.baseUrl(), "v23.0", Duration.ofSeconds(5), 3, Duration.ofMillis(200), Duration.ofSeconds(5));
        client = clientFor(settings, SECRETS);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    // ------------------------------------------------------------------------------------------- success

    @Test
    void sendingATextPostsMetasDocumentedRequestAndReturnsTheWamid() throws IOException {
        stub.reply(Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        String id = client.sendText(TENANT, "16505551234", "Hi Pablo! Your order ships tomorrow.", null);

        assertThat(id).isEqualTo(WAMID);
        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v23.0/106540352242922/messages");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("{\"messaging_product\":\"whatsapp\","
                    + "\"recipient_type\":\"individual\",\"to\":\"16505551234\",\"type\":\"text\","
                    + "\"text\":{\"preview_url\":false,\"body\":\"Hi Pablo! Your order ships tomorrow.\"}}"));
        });
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aReplyQuotesTheCustomersMessageInContext() throws IOException {
        stub.reply(Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        client.sendText(TENANT, "16505551234", "You're welcome!", "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTdCNTg5RjY1MEMyRjlGMjRGNgA=");

        JsonNode body = MAPPER.readTree(stub.requests().get(0).body());
        assertThat(body.at("/context/message_id").asText()).isEqualTo("wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTdCNTg5RjY1MEMyRjlGMjRGNgA=");
        assertThat(GraphApiPayloads.parseSendRequest(stub.requests().get(0).body()).textBody()).isEqualTo("You're welcome!");
    }

    @Test
    void aCustomerKnownOnlyByBusinessScopedIdIsSentToWithRecipient() throws IOException {
        stub.reply(Reply.json(200, GraphApiPayloads.toBytes(GraphApiPayloads.messageAccepted("US.13491208655302741918", "wamid.B"))));

        assertThat(client.sendText(TENANT, "US.13491208655302741918", "hello", null)).isEqualTo("wamid.B");
        GraphSendRequest sent = GraphApiPayloads.parseSendRequest(stub.requests().get(0).body());
        assertThat(sent.to()).isNull();
        assertThat(sent.recipient()).isEqualTo("US.13491208655302741918");
    }

    @Test
    void nonAsciiTextTravelsAsUtf8() throws IOException {
        stub.reply(Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        client.sendText(TENANT, "919876543210", "नमस्ते! Terima kasih 🙏", null);

        assertThat(MAPPER.readTree(stub.requests().get(0).body()).at("/text/body").asText()).isEqualTo("नमस्ते! Terima kasih 🙏");
    }

    @Test
    void markReadWithTypingSendsTheDocumentedBody() throws IOException {
        stub.reply(Reply.json(200, MetaFixtures.read("docs-meta/send/success_response.json")));

        client.markRead(TENANT, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", true);

        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v23.0/106540352242922/messages");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(MAPPER.readTree(request.body()))
                    .isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/typing_indicator_and_read_request.json")));
        });
    }

    @Test
    void markReadWithoutTypingSendsTheReadReceiptOnly() throws IOException {
        stub.reply(Reply.json(200, "{\"success\":true}"));

        client.markRead(TENANT, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", false);

        assertThat(MAPPER.readTree(stub.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree(MetaFixtures.read("docs-meta/send/mark_as_read_request.json")));
    }

    // ------------------------------------------------------------------------------------------- retries

    @Test
    void a500ThenA200IsRetriedOnce() {
        stub.reply(Reply.json(500, "{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":1}}"),
                Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendText(TENANT, "16505551234", "hello", null)).isEqualTo(WAMID);

        assertThat(stub.requests()).hasSize(2);
        assertThat(stub.requests().get(1).body()).isEqualTo(stub.requests().get(0).body());
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void a429WithRetryAfterWaitsExactlyThatLong() {
        stub.reply(Reply.json(429, MetaFixtures.read("docs-meta/send/error_response_130429.json")).withHeader("Retry-After", "3"),
                Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendText(TENANT, "16505551234", "hello", null)).isEqualTo(WAMID);

        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void theThroughputLimitCodeIsRetriedWhateverTheHttpStatus() {
        stub.reply(Reply.json(400, MetaFixtures.read("docs-meta/send/error_response_130429.json")),
                Reply.json(500, MetaFixtures.read("bindambc-java/send-error/error_130429_rate_limit_hit.json")),
                Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendText(TENANT, "16505551234", "hello", null)).isEqualTo(WAMID);

        assertThat(stub.requests()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void thePairRateLimitBacksOffByPowersOfFourSeconds() {
        String pairRate = "{\"error\":{\"message\":\"(#131056) (Business Account, Consumer Account) pair rate limit hit\","
                + "\"type\":\"OAuthException\",\"code\":131056,\"fbtrace_id\":\"A1\"}}";
        stub.reply(Reply.json(400, pairRate), Reply.json(400, pairRate),
                Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendText(TENANT, "16505551234", "hello", null)).isEqualTo(WAMID);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    @Test
    void otherThrottlingCodesAreRetried() {
        for (int code : List.of(4, 80007, 133016)) {
            stub.reply(Reply.json(400, GraphApiError.of(code, "OAuthException", "throttled", null).toEnvelopeBytes()),
                    Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));
            assertThat(client.sendText(TENANT, "16505551234", "hello", null)).as("code %d", code).isEqualTo(WAMID);
        }
        assertThat(stub.requests()).hasSize(6);
    }

    @Test
    void exhaustedRetriesEndInARetryableException() {
        stub.reply(Reply.json(503, ""), Reply.json(503, ""), Reply.json(503, ""), Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("http_503");
        assertThat(failure).hasMessageContaining("after 3 attempt(s)");
        assertThat(stub.requests()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void exhaustedThrottlingCarriesMetasCode() {
        byte[] throttled = MetaFixtures.read("docs-meta/send/error_response_130429.json");
        stub.reply(Reply.json(400, throttled), Reply.json(400, throttled), Reply.json(400, throttled));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("130429");
        assertThat(failure.getCause()).isInstanceOfSatisfying(GraphApiException.class,
                cause -> assertThat(cause.error().code()).isEqualTo(130429));
    }

    @Test
    void aRetryAfterBeyondTheBackoffCapEndsTheRetriesAtOnce() {
        stub.reply(Reply.json(429, "").withHeader("Retry-After", "120"), Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("http_429");
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void connectionFailuresAreRetriedAndThenReportedRetryable() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        GraphApiClient unreachable = clientFor(settings.withBaseUrl(closed), SECRETS);

        ChannelSendException failure = catchThrowableOfType(
                () -> unreachable.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("io_error");
        assertThat(failure.getCause()).isInstanceOf(IOException.class);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aTimeoutIsRetried() {
        GraphApiSettings quick = new GraphApiSettings(stub.baseUrl(), "v23.0", Duration.ofMillis(300), 2,
                Duration.ofMillis(100), Duration.ofSeconds(1));
        stub.reply(Reply.json(200, "{}").after(Duration.ofSeconds(2)),
                Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(clientFor(quick, SECRETS).sendText(TENANT, "16505551234", "hello", null)).isEqualTo(WAMID);

        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    // ------------------------------------------------------------------------------------------- refusals

    @Test
    void theReEngagementErrorIsNotRetried() {
        stub.reply(Reply.json(400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
                        + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send "
                        + "because more than 24 hours have passed since the customer last replied to this number.\"},"
                        + "\"fbtrace_id\":\"AbCd\"}}"),
                Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("131047");
        assertThat(failure.getCause()).isInstanceOfSatisfying(GraphApiException.class, cause -> {
            assertThat(cause.httpStatus()).isEqualTo(400);
            assertThat(cause.error().code()).isEqualTo(GraphApiError.RE_ENGAGEMENT);
            assertThat(cause.error().fbtraceId()).isEqualTo("AbCd");
        });
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aPlain400IsNotRetried() {
        stub.reply(Reply.json(400, ""), Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("http_400");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anExpiredTokenIsNotRetried() {
        stub.reply(Reply.json(401, "{\"error\":" + MetaFixtures.readString("pywa/error_object__ExpiredAccessToken.json") + "}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("190");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void failuresNeverQuoteTheTokenOrTheMessageText() {
        stub.reply(Reply.json(400, GraphApiError.of(100, "OAuthException", "(#100) Invalid parameter", null).toEnvelopeBytes()));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "my card number is 4111", null), ChannelSendException.class);

        assertThat(failure.errorCode()).isEqualTo("100");
        assertThat(failure).hasMessageNotContaining(TOKEN).hasMessageNotContaining("4111").hasMessageNotContaining("16505551234");
        assertThat(failure.getCause().getMessage()).doesNotContain(TOKEN).doesNotContain("4111");
    }

    @Test
    void a200WithoutMessageIdIsNotRetried() {
        stub.reply(Reply.json(200, "{\"messaging_product\":\"whatsapp\"}"), Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("invalid_response");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void markReadIsASingleAttempt() {
        stub.reply(Reply.json(500, ""), Reply.json(200, "{\"success\":true}"));

        ChannelSendException failure = catchThrowableOfType(
                () -> client.markRead(TENANT, "wamid.X", true), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aMissingAccessTokenIsRefusedWithoutCallingMeta() {
        GraphApiClient noToken = clientFor(settings, reference -> Optional.empty());

        ChannelSendException failure = catchThrowableOfType(
                () -> noToken.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("missing_access_token");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnavailableSecretStoreIsRetryable() {
        GraphApiClient broken = clientFor(settings, reference -> {
            throw new IllegalStateException("secrets backend timeout");
        });

        ChannelSendException failure = catchThrowableOfType(
                () -> broken.sendText(TENANT, "16505551234", "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("secret_unavailable");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void textBeyondWhatsAppsLimitOrEmptyIsRefusedBeforeSending() {
        String limit = "a".repeat(4096);
        stub.reply(Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));
        assertThat(client.sendText(TENANT, "16505551234", limit, null)).isEqualTo(WAMID);

        assertThatThrownBy(() -> client.sendText(TENANT, "16505551234", limit + "b", null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.errorCode()).isEqualTo("text_too_long");
                });
        assertThatThrownBy(() -> client.sendText(TENANT, "16505551234", "  ", null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> assertThat(e.errorCode()).isEqualTo("empty_text"));
        assertThatThrownBy(() -> client.sendText(TENANT, "", "hello", null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> assertThat(e.errorCode()).isEqualTo("invalid_recipient"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aTenantOfAnotherChannelIsRefused() {
        Tenant twilio = new Tenant("tenant-2", "Shop", "twilio", "+14155238886", null, null, "ref/access-token",
                null, null, null, null, null, null, true);

        assertThatThrownBy(() -> client.sendText(twilio, "16505551234", "hello", null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> assertThat(e.errorCode()).isEqualTo("wrong_channel"));
        assertThat(stub.requests()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- Retry-After

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        assertThat(GraphApiClient.retryAfter(headers("Retry-After", "7"), now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(GraphApiClient.retryAfter(headers("Retry-After", "Thu, 15 Jan 2026 10:00:30 GMT"), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(GraphApiClient.retryAfter(headers("Retry-After", "Thu, 15 Jan 2026 09:00:00 GMT"), now)).isEqualTo(Duration.ZERO);
        assertThat(GraphApiClient.retryAfter(headers("Retry-After", "soon"), now)).isNull();
        assertThat(GraphApiClient.retryAfter(headers("X-Other", "1"), now)).isNull();
    }

    private GraphApiClient clientFor(GraphApiSettings clientSettings, SecretStore secrets) {
        return new GraphApiClient(clientSettings, GraphApiClient.newHttpClient(clientSettings), secrets, time, () -> 0.0);
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }
}
