package dev.waagent.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One OpenAI-compatible endpoint. OpenAI, Groq ({@code https://api.groq.com/openai/v1}), Gemini
 * ({@code https://generativelanguage.googleapis.com/v1beta/openai/}), Ollama ({@code http://localhost:11434/v1}),
 * DeepSeek, Together and Z.AI GLM differ only in these values.
 *
 * @param name           the provider's configured name, reported in every {@link dev.waagent.domain.llm.LlmResponse}
 *                       and {@link dev.waagent.domain.llm.LlmException}
 * @param baseUrl        the API root that {@code /chat/completions} is appended to
 * @param apiKey         bearer key; blank for endpoints without authentication (Ollama), never logged
 * @param model          model id sent with every call
 * @param defaultTimeout the client's timeout for calls that carry none; each call normally uses its own
 *                       {@link dev.waagent.domain.llm.LlmRequest#timeout()}
 */
public record OpenAiCompatibleSettings(String name, URI baseUrl, String apiKey, String model, Duration defaultTimeout) {

    public OpenAiCompatibleSettings {
        requireText(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
        requireText(model, "model");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("defaultTimeout must be at least 1 ms: " + defaultTimeout);
        }
    }

    /** False for endpoints called without an {@code Authorization} header (a local Ollama). */
    public boolean hasApiKey() {
        return !apiKey.isEmpty();
    }

    /** Never prints the key: settings end up in start-up logs and exception messages. */
    @Override
    public String toString() {
        return "OpenAiCompatibleSettings[name=" + name + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "[redacted]" : "[none]") + ", model=" + model + ", defaultTimeout=" + defaultTimeout + "]";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
