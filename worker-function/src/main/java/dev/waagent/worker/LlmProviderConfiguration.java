package dev.waagent.worker;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;

/**
 * {@code llm.providers.<name>.*}: one OpenAI-compatible endpoint per name (OpenAI, Groq, Gemini, Ollama,
 * DeepSeek, Together, Z.AI GLM differ only in base URL, key and model).
 */
@EachProperty("llm.providers")
public class LlmProviderConfiguration {

    private final String name;
    private URI baseUrl = URI.create("https://api.openai.com/v1");
    private String apiKey;
    private String model = "gpt-4o-mini";
    private Duration timeout = Duration.ofSeconds(15);
    private boolean enabled = true;

    public LlmProviderConfiguration(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Nullable
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
        this.apiKey = apiKey;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** A provider is used when enabled and either has a key or is a keyless local server (Ollama). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
