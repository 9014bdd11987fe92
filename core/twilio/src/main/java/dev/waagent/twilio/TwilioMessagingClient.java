package dev.waagent.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.twilio.internal.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Sends WhatsApp text replies through Twilio's Messages API on a tenant's Twilio sender:
 * {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded {@code To=whatsapp:+…},
 * {@code From=whatsapp:+…} (or {@code MessagingServiceSid=MG…}), {@code Body=…} and, when configured,
 * {@code StatusCallback=…}; HTTP basic auth {@code AccountSid:AuthToken}.
 * <p>
 * <b>Credentials.</b> The tenant's {@code accessTokenRef} names a secret (resolved by the {@link SecretStore}) holding
 * {@code AccountSid:AuthToken} ({@link TwilioAccountAuth}). The tenant's {@code businessNumberId} is its Twilio sender:
 * an E.164 number ({@code +14155238886}) or a messaging service SID ({@code MG…}).
 * <p>
 * <b>Retries.</b> HTTP 429, 5xx, I/O errors and timeouts are retried with exponential backoff and jitter
 * (sleeping through {@link TimeSource#sleep}), honouring {@code Retry-After}; exhausted retries end in a retryable
 * {@link ChannelSendException} so the queue can redeliver. Any other 4xx is a refusal, never retried: a non-retryable
 * exception whose {@code errorCode} is Twilio's code (e.g. {@code 63016} outside the 24 h window, {@code 21211} bad
 * number, {@code 20003} bad credentials) and whose cause is a {@link TwilioApiException}. A timed-out send may still
 * have reached Twilio (the API takes no idempotency key), so a retry can duplicate a message.
 * <p>
 * <b>Length.</b> Twilio refuses a WhatsApp {@code Body} over {@value TwilioMessagesApi#MAX_BODY_LENGTH} characters;
 * longer text is refused here, before any call, with a non-retryable {@code text_too_long}: the caller splits.
 * Characters are counted as UTF-16 units, the stricter reading.
 * <p>
 * Logs tenant ids, masked numbers and error codes only: never the token or the message text. Thread-safe.
 */
public final class TwilioMessagingClient implements OutboundChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TwilioMessagingClient.class);
    private static final String CHANNEL = TwilioWebhookParser.CHANNEL;

    private final TwilioApiSettings settings;
    private final HttpClient http;
    private final SecretStore secrets;
    private final TimeSource time;
    private final Backoff backoff;

    public TwilioMessagingClient(TwilioApiSettings settings, HttpClient http, SecretStore secrets, TimeSource time) {
        this(settings, http, secrets, time, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter values in [0, 1) spreading retry delays; tests pass a constant */
    public TwilioMessagingClient(TwilioApiSettings settings, HttpClient http, SecretStore secrets, TimeSource time,
                                 DoubleSupplier jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.time = Objects.requireNonNull(time, "time");
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), Objects.requireNonNull(jitter, "jitter"));
    }

    /** An {@link HttpClient} suited to the settings: HTTP/2 where TLS allows, HTTP/1.1 for plain-HTTP stand-ins, no redirects. */
    public static HttpClient newHttpClient(TwilioApiSettings settings) {
        boolean tls = "https".equalsIgnoreCase(settings.baseUrl().getScheme());
        return HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends a WhatsApp text message.
     *
     * @param customerId       the customer's id ({@code 14155238886}, {@code +14155238886} or a business-scoped user id)
     * @param text             at most {@value TwilioMessagesApi#MAX_BODY_LENGTH} characters
     * @param replyToMessageId ignored: Twilio's Messages API cannot quote a message
     * @return the message SID Twilio assigned ({@code SM…})
     * @throws ChannelSendException refused ({@code retryable=false}; {@code errorCode} = Twilio's code, or
     *                              {@code text_too_long}, {@code empty_text}, {@code invalid_recipient},
     *                              {@code wrong_channel}, {@code missing_credentials}…) or still failing after
     *                              {@code maxAttempts} ({@code retryable=true})
     */
    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        Objects.requireNonNull(tenant, "tenant");
        if (!CHANNEL.equalsIgnoreCase(tenant.channel())) {
            throw refusedLocally("tenant " + tenant.id() + " uses channel " + tenant.channel() + ", not twilio", "wrong_channel");
        }
        if (customerId == null || customerId.isBlank()) {
            throw refusedLocally("no customer id to send to", "invalid_recipient");
        }
        if (text == null || text.isBlank()) {
            throw refusedLocally("message text is empty", "empty_text");
        }
        if (text.length() > TwilioMessagesApi.MAX_BODY_LENGTH) {
            throw refusedLocally("message text has " + text.length() + " characters; Twilio WhatsApp allows "
                    + TwilioMessagesApi.MAX_BODY_LENGTH, "text_too_long");
        }
        TwilioAccountAuth credentials = credentials(tenant);
        String sender = sender(tenant);
        String form = FormEncoding.encodeSingle(TwilioMessagesApi.textMessage(sender,
                TwilioAddresses.whatsAppAddress(customerId), text, settings.statusCallbackUrl()));
        String recipient = Masking.phone(customerId);
        JsonNode resource = post(tenant, credentials, form, recipient);
        String sid = TwilioMessagesApi.sid(resource).orElseThrow(() -> new ChannelSendException(
                "Twilio accepted the send but returned no message sid", "invalid_response", false, null));
        LOG.debug("twilio send for tenant {} to {} accepted as {}", tenant.id(), recipient, sid);
        return sid;
    }

    /**
     * Text only (Twilio's Messages API sends no interactive messages here: reply parts go as numbered text through
     * {@link OutboundChannel#sendReply}'s fallback, templates are refused), at most 1600 characters, no typing indicator.
     */
    @Override
    public ChannelCapabilities capabilities(Tenant tenant) {
        return new ChannelCapabilities(false, false, false, TwilioMessagesApi.MAX_BODY_LENGTH);
    }

    /**
     * Does nothing, on purpose: Twilio's Messages API has no read receipt or typing indicator for WhatsApp, and
     * the customer sees no difference. Never throws, never calls Twilio.
     */
    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
        LOG.trace("twilio markRead is a no-op (tenant {})", tenant == null ? "-" : tenant.id());
    }

    private JsonNode post(Tenant tenant, TwilioAccountAuth credentials, String form, String maskedRecipient) {
        URI uri = settings.messagesUri(credentials.accountSid());
        String basic = Base64.getEncoder().encodeToString(
                (credentials.accountSid() + ":" + credentials.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        int maxAttempts = settings.maxAttempts();
        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    return readSuccess(response.body());
                }
                failure = Failure.http(response.statusCode(), TwilioApiError.parse(response.body()).orElse(null),
                        retryAfter(response.headers(), time.now()));
            } catch (IOException e) {
                failure = Failure.io(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelSendException("interrupted while calling the Twilio API", "interrupted", true, e);
            }

            if (!failure.retryable()) {
                LOG.warn("twilio send for tenant {} to {} refused: {}", tenant.id(), maskedRecipient, failure.describe());
                throw new ChannelSendException("Twilio API refused the send: " + failure.describe(), failure.errorCode(),
                        false, failure.cause());
            }
            Optional<Duration> delay = attempt < maxAttempts ? backoff.delay(attempt, failure.retryAfter()) : Optional.empty();
            if (delay.isEmpty()) {
                String why = attempt < maxAttempts
                        ? " (Retry-After " + failure.retryAfter().toSeconds() + " s exceeds the backoff cap)" : "";
                LOG.warn("twilio send for tenant {} to {} failed after {} attempt(s){}: {}", tenant.id(), maskedRecipient,
                        attempt, why, failure.describe());
                throw new ChannelSendException("Twilio API send failed after " + attempt + " attempt(s)" + why + ": "
                        + failure.describe(), failure.errorCode(), true, failure.cause());
            }
            LOG.warn("twilio send for tenant {} to {} failed (attempt {}/{}): {}; retrying in {} ms", tenant.id(),
                    maskedRecipient, attempt, maxAttempts, failure.describe(), delay.get().toMillis());
            sleep(delay.get());
        }
    }

    private TwilioAccountAuth credentials(Tenant tenant) {
        String reference = tenant.accessTokenRef();
        if (reference == null || reference.isBlank()) {
            throw refusedLocally("tenant " + tenant.id() + " has no Twilio credentials reference", "missing_credentials");
        }
        Optional<String> secret;
        try {
            secret = secrets.secret(reference);
        } catch (RuntimeException e) {
            // The secret backend is down: a later attempt may work.
            throw new ChannelSendException("Twilio credentials of tenant " + tenant.id() + " could not be read",
                    "secret_unavailable", true, e);
        }
        if (secret.isEmpty() || secret.get().isBlank()) {
            throw refusedLocally("Twilio credentials of tenant " + tenant.id() + " not found", "missing_credentials");
        }
        return TwilioAccountAuth.parse(secret.get()).orElseThrow(() -> refusedLocally("Twilio credentials of tenant "
                + tenant.id() + " are not AccountSid:AuthToken", "invalid_credentials"));
    }

    /** The tenant's sender: {@code whatsapp:+E164}, or a messaging service SID as is. */
    private static String sender(Tenant tenant) {
        String number = tenant.businessNumberId().strip();
        if (number.startsWith("MG")) {
            return number;
        }
        try {
            return TwilioAddresses.whatsAppAddress(number);
        } catch (IllegalArgumentException e) {
            throw refusedLocally("tenant " + tenant.id() + " has no Twilio sender number", "invalid_sender");
        }
    }

    private static JsonNode readSuccess(byte[] body) {
        JsonNode node = TwilioMessagesApi.readObject(body);
        if (node == null) {
            throw new ChannelSendException("Twilio API answered the send with a body that is not a JSON object",
                    "invalid_response", false, null);
        }
        return node;
    }

    private void sleep(Duration delay) {
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelSendException("interrupted while backing off", "interrupted", true, e);
        }
    }

    private static ChannelSendException refusedLocally(String message, String code) {
        return new ChannelSendException(message, code, false, null);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** One failed attempt: an HTTP error answer, or an I/O failure before any answer. */
    private record Failure(int status, TwilioApiError error, Duration retryAfter, IOException ioError) {

        static Failure http(int status, TwilioApiError error, Duration retryAfter) {
            return new Failure(status, error, retryAfter, null);
        }

        static Failure io(IOException e) {
            return new Failure(0, null, null, e);
        }

        boolean retryable() {
            return ioError != null || status == 429 || status >= 500;
        }

        String errorCode() {
            if (error != null && error.code() != null) {
                return error.codeText();
            }
            if (ioError != null) {
                return ioError instanceof HttpTimeoutException ? "timeout" : "io_error";
            }
            return "http_" + status;
        }

        Throwable cause() {
            return ioError != null ? ioError : new TwilioApiException(status, error);
        }

        String describe() {
            if (ioError != null) {
                return ioError.getClass().getSimpleName() + (ioError instanceof HttpTimeoutException ? " (timeout)" : "");
            }
            return "HTTP " + status + (error == null ? "" : " " + error.summary());
        }
    }
}
