package dev.waagent.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.twilio.TwilioApiStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TwilioMessagingClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "twilio-auth-token-1";
    private static final String SID = "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final Tenant TENANT = tenant("+14155238886", "ref/twilio");
    private static final SecretStore SECRETS = reference -> reference.equals("ref/twilio")
            ? Optional.of(ACCOUNT_SID + ":" + AUTH_TOKEN) : Optional.empty();

    private TwilioApiStub stub;
    private RecordingTime time;
    private TwilioApiSettings settings;
    private TwilioMessagingClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new TwilioApiStub();
        time = new RecordingTime(Instant.parse("2026-01-15T10:00:00Z"));
        settings = new TwilioApiSettings(stub.baseUrl(), Duration.ofSeconds(5), 3, Duration.ofMillis(200), Duration.ofSeconds(5), null);
        client = clientFor(settings, SECRETS);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    // ------------------------------------------------------------------------------------------- success

    @Test
    void sendingATextPostsTheMessagesApiFormWithBasicAuthAndReturnsTheSid() throws IOException {
        stub.reply(created(SID));

        String sid = client.sendText(TENANT, "919876543210", "Your FX3 is booked for Saturday.", null);

        assertThat(sid).isEqualTo(SID);
        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.form().keySet()).containsExactly("To", "From", "Body");
            assertThat(request.param("To")).isEqualTo("whatsapp:+919876543210");
            assertThat(request.param("From")).isEqualTo("whatsapp:+14155238886");
            assertThat(request.param("Body")).isEqualTo("Your FX3 is booked for Saturday.");
        });
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aReplyWithButtonsGoesAsNumberedTextAndATemplateIsRefusedWithoutCallingTwilio() {
        stub.reply(created(SID));
        OutboundPart buttons = new OutboundPart(0, new dev.waagent.domain.reply.Reply.Buttons(null, "Which camera would you like?", null,
                List.of(new ReplyButton("fx3", "Sony FX3"), new ReplyButton("r5", "Canon R5"))));

        assertThat(client.sendReply(TENANT, "919876543210", buttons, null)).isEqualTo(SID);
        assertThat(stub.requests()).singleElement().satisfies(request -> assertThat(request.param("Body"))
                .isEqualTo("Which camera would you like?\n\n1. Sony FX3\n2. Canon R5"));

        OutboundPart template = new OutboundPart(0, new TemplateMessage("follow_up_question", "en_US", List.of("Ravi")));
        assertThatThrownBy(() -> client.sendReply(TENANT, "919876543210", template, null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("template_unsupported");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(stub.requests()).hasSize(1);
        assertThat(client.capabilities(TENANT)).satisfies(c -> {
            assertThat(c.richMessages()).isFalse();
            assertThat(c.templates()).isFalse();
            assertThat(c.maxTextLength()).isEqualTo(1600);
        });
    }

    @Test
    void againstATwilioLikeStandInTheSidComesFromTheMessageResource() {
        String sid = client.sendText(TENANT, "919876543210", "hello", null);

        assertThat(sid).matches("SM[0-9a-f]{32}");
    }

    @Test
    void nonAsciiTextAndABsuidRecipientTravelAsTwilioExpects() {
        stub.reply(created(SID));

        client.sendText(TENANT, "US.13491208655302741918", "नमस्ते! Terima kasih 🙏 a+b&c", null);

        TwilioApiStub.Recorded request = stub.requests().get(0);
        assertThat(request.param("To")).isEqualTo("whatsapp:US.13491208655302741918");
        assertThat(request.param("Body")).isEqualTo("नमस्ते! Terima kasih 🙏 a+b&c");
    }

    @Test
    void aMessagingServiceSenderAndAStatusCallbackUrlAreSentWhenConfigured() {
        stub.reply(created(SID));
        TwilioMessagingClient withCallback = clientFor(settings.withStatusCallbackUrl(
                URI.create("https://hooks.example.test/prod/webhooks/twilio")), SECRETS);

        withCallback.sendText(tenant("MG0123456789abcdef0123456789abcdef", "ref/twilio"), "919876543210", "hi", null);

        TwilioApiStub.Recorded request = stub.requests().get(0);
        assertThat(request.param("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(request.param("From")).isNull();
        assertThat(request.param("StatusCallback")).isEqualTo("https://hooks.example.test/prod/webhooks/twilio");
    }

    // ------------------------------------------------------------------------------------------- retries

    @Test
    void aServerErrorIsRetriedWithBackoffThenTheSendSucceeds() {
        stub.reply(Reply.error(500, 20500, "Internal Server Error"), created(SID));

        assertThat(client.sendText(TENANT, "919876543210", "hello", null)).isEqualTo(SID);
        assertThat(stub.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void throttlingThatNeverEndsIsRetriedThenFailsRetryablyWithTwiliosCode() {
        stub.reply(Reply.error(429, 20429, "Too Many Requests"), Reply.error(429, 20429, "Too Many Requests"),
                Reply.error(429, 20429, "Too Many Requests"));

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).isEqualTo("20429");
        assertThat(e.getCause()).isInstanceOf(TwilioApiException.class);
        assertThat(stub.requests()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void throttlingThenSuccessReturnsTheSid() {
        stub.reply(Reply.error(429, 20429, "Too Many Requests"), created(SID));

        assertThat(client.sendText(TENANT, "919876543210", "hello", null)).isEqualTo(SID);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void retryAfterIsHonouredAndOneBeyondTheCapEndsTheRetriesRetryably() {
        stub.reply(Reply.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "2"), created(SID));
        assertThat(client.sendText(TENANT, "919876543210", "hello", null)).isEqualTo(SID);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));

        stub.reply(Reply.error(429, 20429, "Too Many Requests").withHeader("Retry-After", "60"));
        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "hello", null));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("Retry-After 60 s");
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aServerErrorWithoutTwilioBodyIsRetriedAndReportedByStatus() {
        stub.reply(Reply.text(502, "<html>Bad Gateway</html>"), Reply.text(503, "<html>busy</html>"), Reply.text(503, "busy"));

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).isEqualTo("http_503");
    }

    @Test
    void anUnreachableApiIsRetriedThenFailsRetryablyAsAnIoError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TwilioMessagingClient unreachable = clientFor(settings.withBaseUrl(URI.create("http://127.0.0.1:" + closedPort)), SECRETS);

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> unreachable.sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).isEqualTo("io_error");
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void aSlowApiTimesOutRetryably() {
        TwilioApiSettings quick = new TwilioApiSettings(stub.baseUrl(), Duration.ofMillis(300), 1, Duration.ZERO, Duration.ZERO, null);
        stub.reply(created(SID).after(Duration.ofSeconds(2)));

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> clientFor(quick, SECRETS).sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).isEqualTo("timeout");
    }

    // ------------------------------------------------------------------------------------------- refusals

    @Test
    void outsideTheWindow63016IsRefusedWithoutRetryAndCarriesTwiliosError() {
        stub.reply(Reply.error(400, 63016, "Failed to send freeform message because you are outside the allowed window."));

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isFalse();
        assertThat(e.errorCode()).isEqualTo("63016");
        assertThat(e.getCause()).isInstanceOfSatisfying(TwilioApiException.class, cause -> {
            assertThat(cause.httpStatus()).isEqualTo(400);
            assertThat(cause.error().code()).isEqualTo(63016);
            assertThat(cause.error().moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/63016");
            assertThat(cause.error().toChannelError().title()).contains("24 h");
        });
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void wrongCredentialsAreA401RefusalWithCode20003() {
        stub.reply(Reply.error(401, 20003, "Authenticate"));

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isFalse();
        assertThat(e.errorCode()).isEqualTo("20003");
        assertThat(e.getMessage()).doesNotContain(AUTH_TOKEN);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aTextLongerThan1600CharactersIsRefusedBeforeAnyCall() {
        stub.reply(created(SID));
        assertThat(client.sendText(TENANT, "919876543210", "a".repeat(1600), null)).isEqualTo(SID);

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> client.sendText(TENANT, "919876543210", "a".repeat(1601), null));

        assertThat(e.retryable()).isFalse();
        assertThat(e.errorCode()).isEqualTo("text_too_long");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void localRefusalsNeverCallTwilio() {
        SecretStore broken = reference -> Optional.of("not-account-sid-colon-token");
        Tenant whatsapp = new Tenant("tenant-w", "Meta shop", "whatsapp", "106540352242922", null, null, "ref/twilio",
                "Ava", null, null, null, null, null, true);

        assertThat(code(() -> client.sendText(TENANT, "919876543210", " ", null))).isEqualTo("empty_text");
        assertThat(code(() -> client.sendText(TENANT, " ", "hello", null))).isEqualTo("invalid_recipient");
        assertThat(code(() -> client.sendText(whatsapp, "919876543210", "hello", null))).isEqualTo("wrong_channel");
        assertThat(code(() -> client.sendText(tenant("+14155238886", "ref/missing"), "919876543210", "hello", null)))
                .isEqualTo("missing_credentials");
        assertThat(code(() -> client.sendText(tenant("+14155238886", null), "919876543210", "hello", null)))
                .isEqualTo("missing_credentials");
        assertThat(code(() -> clientFor(settings, broken).sendText(TENANT, "919876543210", "hello", null)))
                .isEqualTo("invalid_credentials");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anUnreadableSecretStoreIsRetryable() {
        SecretStore down = reference -> {
            throw new IllegalStateException("secrets manager unavailable");
        };

        ChannelSendException e = catchThrowableOfType(ChannelSendException.class,
                () -> clientFor(settings, down).sendText(TENANT, "919876543210", "hello", null));

        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).isEqualTo("secret_unavailable");
    }

    @Test
    void aSuccessWithoutAMessageResourceIsAnInvalidResponse() {
        stub.reply(Reply.text(201, "created"));

        assertThat(code(() -> client.sendText(TENANT, "919876543210", "hello", null))).isEqualTo("invalid_response");
    }

    @Test
    void markReadIsANoOpThatNeverCallsTwilio() {
        client.markRead(TENANT, "SM123", true);
        client.markRead(TENANT, null, false);

        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theStandInsErrorBodyIsTwiliosWireFormat() throws IOException {
        JsonNode error = MAPPER.readTree(TwilioMessagesApi.error(63016, "outside window", 400));

        assertThat(error.get("code").asInt()).isEqualTo(63016);
        assertThat(error.get("message").asText()).isEqualTo("outside window");
        assertThat(error.get("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/63016");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(TwilioApiError.parse(TwilioMessagesApi.error(63016, "outside window", 400)))
                .contains(new TwilioApiError(63016, "outside window", "https://www.twilio.com/docs/errors/63016", 400));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String code(Runnable send) {
        ChannelSendException e = catchThrowableOfType(ChannelSendException.class, send::run);
        assertThat(e).as("expected a ChannelSendException").isNotNull();
        assertThat(e.retryable()).isFalse();
        return e.errorCode();
    }

    private TwilioMessagingClient clientFor(TwilioApiSettings chosen, SecretStore secrets) {
        return new TwilioMessagingClient(chosen, TwilioMessagingClient.newHttpClient(chosen), secrets, time, () -> 0.0);
    }

    private static Reply created(String sid) {
        TwilioMessagesApi.CreateRequest request = new TwilioMessagesApi.CreateRequest("whatsapp:+919876543210",
                "whatsapp:+14155238886", null, "hello", null, java.util.Map.of());
        return Reply.json(201, TwilioMessagesApi.messageResource(ACCOUNT_SID, sid, request, Instant.parse("2026-01-15T10:00:00Z")));
    }

    private static Tenant tenant(String number, String credentialsRef) {
        return new Tenant("tenant-t", "Twilio shop", "twilio", number, number, null, credentialsRef, "Asha", null, null,
                null, null, null, true);
    }

    @Test
    void aNullTenantIsAProgrammingError() {
        assertThatThrownBy(() -> client.sendText(null, "1", "x", null)).isInstanceOf(NullPointerException.class);
    }
}
