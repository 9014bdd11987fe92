package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelCapabilities;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.whatsapp.internal.Backoff;
import dev.waagent.whatsapp.internal.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The WhatsApp Cloud API client: sends replies (text, reply buttons, lists, cards, templates) and read receipts with
 * the typing indicator on a tenant's business number.
 * <p>
 * Retries, with exponential backoff and jitter (see {@link Backoff}), what may succeed later: HTTP 5xx and 429,
 * I/O errors and timeouts, and Meta's throttling codes (4, 80007, 130429, 131056, 133016), honouring
 * {@code Retry-After}. Never retries other refusals (131047 window closed, 131026 undeliverable, 100 bad parameter,
 * 190 token…): those end in a non-retryable {@link ChannelSendException} whose {@code errorCode} is Meta's code and
 * whose cause is a {@link GraphApiException}. Exhausted retries end in a retryable one, so the queue can redeliver.
 * <p>
 * A timed-out send may still have reached Meta (the API has no idempotency key), so a retry can duplicate a message;
 * the worker's pending-reply bookkeeping, not this client, keeps replies exactly-once-visible in the common case.
 * Logs masked numbers and error codes only: never the token or the message text. Thread-safe.
 */
public final class GraphApiClient implements OutboundChannel {

    private static final Logger LOG = LoggerFactory.getLogger(GraphApiClient.class);
    private static final String CHANNEL = WhatsAppWebhookParser.CHANNEL;

    private final GraphApiSettings settings;
    private final HttpClient http;
    private final SecretStore secrets;
    private final TimeSource time;
    private final Backoff backoff;

    public GraphApiClient(GraphApiSettings settings, HttpClient http, SecretStore secrets, TimeSource time) {
        this(settings, http, secrets, time, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter values in [0, 1) spreading retry delays; tests pass a constant */
    public GraphApiClient(GraphApiSettings settings, HttpClient http, SecretStore secrets, TimeSource time,
                          DoubleSupplier jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.time = Objects.requireNonNull(time, "time");
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), Objects.requireNonNull(jitter, "jitter"));
    }

    /** An {@link HttpClient} suited to the settings: HTTP/2 over TLS (Meta), HTTP/1.1 for plain-HTTP stand-ins, no redirects. */
    public static HttpClient newHttpClient(GraphApiSettings settings) {
        boolean tls = "https".equalsIgnoreCase(settings.baseUrl().getScheme());
        return HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .version(tls ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends a text message, retrying transient failures.
     *
     * @return the wamid Meta assigned
     * @throws ChannelSendException refused ({@code retryable=false}, {@code errorCode} = Meta's code, or
     *                              {@code text_too_long}, {@code empty_text}, {@code missing_access_token}…) or still
     *                              failing after {@code maxAttempts} ({@code retryable=true})
     */
    @Override
    public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
        Objects.requireNonNull(tenant, "tenant");
        if (customerId == null || customerId.isBlank()) {
            throw refusedLocally("no customer id to send to", "invalid_recipient");
        }
        if (text == null || text.isBlank()) {
            throw refusedLocally("message text is empty", "empty_text");
        }
        // Counted in UTF-16 units, the stricter reading of Meta's "4096 characters": never refused by Meta for length.
        if (text.length() > GraphApiPayloads.MAX_TEXT_LENGTH) {
            throw refusedLocally("message text has " + text.length() + " characters; WhatsApp allows "
                    + GraphApiPayloads.MAX_TEXT_LENGTH, "text_too_long");
        }
        String recipient = Masking.phone(customerId);
        ObjectNode body = GraphApiPayloads.textMessage(customerId, text, replyToMessageId);
        JsonNode response = post(tenant, body, "send", recipient, settings.maxAttempts());
        String messageId = GraphApiPayloads.sentMessageId(response).orElseThrow(() -> new ChannelSendException(
                "WhatsApp accepted the send but returned no message id", "invalid_response", false, null));
        LOG.debug("whatsapp send for tenant {} to {} accepted as {}", tenant.id(), recipient, messageId);
        return messageId;
    }

    /**
     * Sends one part of a reply in any form of the reply model (text, reply buttons, list, card, template), with the
     * same retry rules as {@link #sendText}. The part is valid by construction; the request is still checked with
     * {@link GraphRequestCheck} and never sent if Meta would refuse it.
     *
     * @param replyToMessageId quote this inbound message, or {@code null}
     * @return the wamid Meta assigned
     * @throws ChannelSendException refused ({@code retryable=false}: Meta's code such as {@code 131047} when the
     *                              24-hour window is closed, or {@code invalid_request}…) or still failing after
     *                              {@code maxAttempts} ({@code retryable=true}, e.g. {@code 131056} or {@code 130429})
     */
    @Override
    public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(part, "part");
        if (customerId == null || customerId.isBlank()) {
            throw refusedLocally("no customer id to send to", "invalid_recipient");
        }
        ObjectNode body = GraphApiPayloads.replyMessage(customerId, part.content(), replyToMessageId);
        Optional<GraphApiError> refusal = GraphRequestCheck.check(body);
        if (refusal.isPresent()) {
            throw refusedLocally("WhatsApp would refuse this " + part.form() + " part: " + refusal.get().summary(), "invalid_request");
        }
        String recipient = Masking.phone(customerId);
        JsonNode response = post(tenant, body, "send " + part.form(), recipient, settings.maxAttempts());
        String messageId = GraphApiPayloads.sentMessageId(response).orElseThrow(() -> new ChannelSendException(
                "WhatsApp accepted the send but returned no message id", "invalid_response", false, null));
        LOG.debug("whatsapp {} part {} for tenant {} to {} accepted as {}", part.form(), part.index(), tenant.id(), recipient, messageId);
        return messageId;
    }

    /** Every form of the reply model, templates and the typing indicator. */
    @Override
    public ChannelCapabilities capabilities(Tenant tenant) {
        return ChannelCapabilities.WHATSAPP_CLOUD;
    }

    /**
     * Marks the message read (and earlier ones), showing the typing indicator when asked. One attempt only: it is a
     * courtesy that must not delay the reply, and the indicator is useless once late.
     *
     * @throws ChannelSendException when the API refuses or cannot be reached
     */
    @Override
    public void markRead(Tenant tenant, String messageId, boolean showTyping) {
        Objects.requireNonNull(tenant, "tenant");
        if (messageId == null || messageId.isBlank()) {
            throw refusedLocally("no message id to mark read", "invalid_message_id");
        }
        JsonNode response = post(tenant, GraphApiPayloads.readReceipt(messageId, showTyping),
                showTyping ? "read+typing" : "read", "-", 1);
        if (!GraphApiPayloads.isSuccess(response)) {
            throw new ChannelSendException("WhatsApp did not confirm the read receipt", "invalid_response", false, null);
        }
    }

    private JsonNode post(Tenant tenant, ObjectNode body, String operation, String maskedRecipient, int maxAttempts) {
        if (!CHANNEL.equalsIgnoreCase(tenant.channel())) {
            throw refusedLocally("tenant " + tenant.id() + " uses channel " + tenant.channel() + ", not whatsapp", "wrong_channel");
        }
        URI uri = settings.messagesUri(tenant.businessNumberId());
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + accessToken(tenant))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GraphApiPayloads.toBytes(body)))
                .build();

        for (int attempt = 1; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 == 2) {
                    return readSuccess(response.body(), operation);
                }
                failure = Failure.http(response.statusCode(), GraphApiError.parse(response.body()).orElse(null),
                        retryAfter(response.headers(), time.now()));
            } catch (IOException e) {
                failure = Failure.io(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelSendException("interrupted while calling the WhatsApp API", "interrupted", true, e);
            }

            if (!failure.retryable()) {
                LOG.warn("whatsapp {} for tenant {} to {} refused: {}", operation, tenant.id(), maskedRecipient, failure.describe());
                throw new ChannelSendException("WhatsApp API refused the " + operation + ": " + failure.describe(),
                        failure.errorCode(), false, failure.cause());
            }
            Optional<Duration> delay = attempt < maxAttempts
                    ? backoff.delay(attempt, failure.pairRateLimit(), failure.retryAfter())
                    : Optional.empty();
            if (delay.isEmpty()) {
                String why = attempt < maxAttempts ? " (Retry-After " + failure.retryAfter().toSeconds() + " s exceeds the backoff cap)" : "";
                LOG.warn("whatsapp {} for tenant {} to {} failed after {} attempt(s){}: {}", operation, tenant.id(),
                        maskedRecipient, attempt, why, failure.describe());
                throw new ChannelSendException("WhatsApp API " + operation + " failed after " + attempt + " attempt(s)"
                        + why + ": " + failure.describe(), failure.errorCode(), true, failure.cause());
            }
            LOG.warn("whatsapp {} for tenant {} to {} failed (attempt {}/{}): {}; retrying in {} ms", operation,
                    tenant.id(), maskedRecipient, attempt, maxAttempts, failure.describe(), delay.get().toMillis());
            sleep(delay.get());
        }
    }

    private String accessToken(Tenant tenant) {
        String reference = tenant.accessTokenRef();
        if (reference == null || reference.isBlank()) {
            throw refusedLocally("tenant " + tenant.id() + " has no access token reference", "missing_access_token");
        }
        Optional<String> token;
        try {
            token = secrets.secret(reference);
        } catch (RuntimeException e) {
            // The secret backend is down: a later attempt may work.
            throw new ChannelSendException("access token of tenant " + tenant.id() + " could not be read", "secret_unavailable", true, e);
        }
        return token.map(String::strip).filter(value -> !value.isEmpty()).orElseThrow(() ->
                refusedLocally("access token of tenant " + tenant.id() + " not found", "missing_access_token"));
    }

    private static JsonNode readSuccess(byte[] body, String operation) {
        try {
            JsonNode node = Json.MAPPER.readTree(body == null ? new byte[0] : body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // fall through: a 2xx without a JSON object is not a Cloud API answer
        }
        throw new ChannelSendException("WhatsApp API answered the " + operation + " with a body that is not a JSON object",
                "invalid_response", false, null);
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
    private record Failure(int status, GraphApiError error, Duration retryAfter, IOException ioError) {

        static Failure http(int status, GraphApiError error, Duration retryAfter) {
            return new Failure(status, error, retryAfter, null);
        }

        static Failure io(IOException e) {
            return new Failure(0, null, null, e);
        }

        boolean retryable() {
            return ioError != null || status == 429 || status >= 500 || (error != null && error.isThrottling());
        }

        boolean pairRateLimit() {
            return error != null && error.isPairRateLimit();
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
            return ioError != null ? ioError : new GraphApiException(status, error);
        }

        String describe() {
            if (ioError != null) {
                return errorCode() + " (" + ioError.getClass().getSimpleName() + ")";
            }
            return "HTTP " + status + (error == null ? "" : " " + error.summary());
        }
    }
}
