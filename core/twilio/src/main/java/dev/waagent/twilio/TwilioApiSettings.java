package dev.waagent.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TwilioMessagingClient} reaches Twilio's Messages API.
 *
 * @param baseUrl           {@code https://api.twilio.com}, or a local stand-in (a path prefix is allowed)
 * @param requestTimeout    per HTTP attempt (also the connect timeout of {@link TwilioMessagingClient#newHttpClient})
 * @param maxAttempts       attempts per send, including the first (1 = no retry)
 * @param initialBackoff    delay before the first retry; doubles per retry, plus up to 50 % jitter
 * @param maxBackoff        cap on any single delay; a {@code Retry-After} beyond it ends the retries at once
 * @param statusCallbackUrl where Twilio should post status callbacks for sent messages (the public
 *                          {@code …/webhooks/twilio} URL), or {@code null} to rely on the sender's configuration
 */
public record TwilioApiSettings(
        URI baseUrl,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        URI statusCallbackUrl) {

    public static final URI TWILIO_API_URL = URI.create("https://api.twilio.com");
    public static final String API_VERSION = "2010-04-01";

    public TwilioApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        requireHttpUrl(baseUrl, "baseUrl");
        if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry a query or fragment: " + baseUrl);
        }
        if (statusCallbackUrl != null) {
            requireHttpUrl(statusCallbackUrl, "statusCallbackUrl");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initialBackoff <= maxBackoff");
        }
    }

    /** Production defaults: Twilio's API host, 10 s per attempt, 4 attempts, 500 ms doubling up to 10 s, no callback URL. */
    public static TwilioApiSettings defaults() {
        return new TwilioApiSettings(TWILIO_API_URL, Duration.ofSeconds(10), 4, Duration.ofMillis(500),
                Duration.ofSeconds(10), null);
    }

    /** The same settings against another base URL (a local stand-in). */
    public TwilioApiSettings withBaseUrl(URI otherBaseUrl) {
        return new TwilioApiSettings(otherBaseUrl, requestTimeout, maxAttempts, initialBackoff, maxBackoff, statusCallbackUrl);
    }

    /** The same settings asking Twilio to post status callbacks to {@code url}. */
    public TwilioApiSettings withStatusCallbackUrl(URI url) {
        return new TwilioApiSettings(baseUrl, requestTimeout, maxAttempts, initialBackoff, maxBackoff, url);
    }

    /** {@code {baseUrl}/2010-04-01/Accounts/{accountSid}/Messages.json}; the SID is validated by {@link TwilioAccountAuth}. */
    public URI messagesUri(String accountSid) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + TwilioMessagesApi.messagesPath(accountSid));
    }

    private static void requireHttpUrl(URI url, String name) {
        if (!url.isAbsolute() || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + url);
        }
    }
}
