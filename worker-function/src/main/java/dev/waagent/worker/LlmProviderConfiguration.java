package dev.waagent.worker;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.time.Duration;

/**
 * {@code llm.providers.<name>.*}: one provider per name. OpenAI-compatible endpoints (OpenAI, Groq, Gemini,
 * Ollama, DeepSeek, Together, Z.AI GLM) differ only in base URL, key and model; {@code type: bedrock} uses the
 * Converse API with the function's IAM role.
 */
@EachProperty("llm.providers")
public class LlmProviderConfiguration {

    private final String name;
    private String type = "openai-compatible";
    private String modelId;
    private String region;
    private URI endpointOverride;
    private int maxTokens = 512;
    private double temperature = 0.3;
    private URI baseUrl = URI.create("https://api.openai.com/v1");
    private String apiKey;
    private String apiKeyRef;
    private String model = "gpt-4o-mini";
    private Duration timeout = Duration.ofSeconds(15);
    private boolean enabled = true;

    public LlmProviderConfiguration(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** {@code openai-compatible} (default) or {@code bedrock}. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isBedrock() {
        return "bedrock".equalsIgnoreCase(type);
    }

    /** Bedrock model id, inference-profile id or ARN. */
    @Nullable
    public String getModelId() {
        return modelId;
    }

    public void setModelId(@Nullable String modelId) {
        this.modelId = modelId;
    }

    /** Bedrock region; defaults to the function's own region. */
    @Nullable
    public String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    /** Only for a local Bedrock stand-in; unset in AWS. */
    @Nullable
    public URI getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(@Nullable URI endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
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

    /** A secret reference holding the key (in AWS: {@code providers/<name>/api-key}); wins over {@code api-key}. */
    @Nullable
    public String getApiKeyRef() {
        return apiKeyRef;
    }

    public void setApiKeyRef(@Nullable String apiKeyRef) {
        this.apiKeyRef = apiKeyRef;
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
