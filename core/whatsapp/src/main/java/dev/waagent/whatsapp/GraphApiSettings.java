package dev.waagent.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link GraphApiClient} reaches the WhatsApp Cloud API.
 *
 * @param baseUrl        {@code https://graph.facebook.com}, or a local stand-in (a path prefix is allowed)
 * @param apiVersion     Graph API version, e.g. {@code v23.0}
 * @param requestTimeout per HTTP attempt (also used as the connect timeout of {@link GraphApiClient#newHttpClient})
 * @param maxAttempts    attempts per send, including the first (1 = no retry)
 * @param initialBackoff delay before the first retry; doubles per retry
 * @param maxBackoff     cap on any single delay; a {@code Retry-After} beyond it ends the retries at once
 */
public record GraphApiSettings(
        URI baseUrl,
        String apiVersion,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff) {

    public static final URI META_GRAPH_URL = URI.create("https://graph.facebook.com");
    public static final String DEFAULT_API_VERSION = "v23.0";

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    public GraphApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!baseUrl.isAbsolute() || !("https".equalsIgnoreCase(baseUrl.getScheme()) || "http".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry a query or fragment: " + baseUrl);
        }
        if (!VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("apiVersion must look like v23.0: " + apiVersion);
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

    /**
     * Production defaults: Meta's Graph host, v23.0, 10 s per attempt, 4 attempts, 500 ms doubling up to 10 s. The worst
     * case (pair-rate limit, 1 + 4 + 10 s of waiting plus four timeouts) stays well inside a worker Lambda's budget.
     */
    public static GraphApiSettings defaults() {
        return new GraphApiSettings(META_GRAPH_URL, DEFAULT_API_VERSION, Duration.ofSeconds(10), 4,
                Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** The same settings against another base URL (a local stand-in). */
    public GraphApiSettings withBaseUrl(URI otherBaseUrl) {
        return new GraphApiSettings(otherBaseUrl, apiVersion, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
    }

    /** {@code {baseUrl}/{apiVersion}/{phoneNumberId}/messages}. */
    public URI messagesUri(String phoneNumberId) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/" + apiVersion + "/" + pathSegment(phoneNumberId) + "/messages");
    }

    /** Phone number ids are digits; anything else is percent-encoded so it cannot change the path. */
    private static String pathSegment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("phone number id is missing");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        String segment = out.toString();
        if (segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("invalid phone number id");
        }
        return segment;
    }
}
