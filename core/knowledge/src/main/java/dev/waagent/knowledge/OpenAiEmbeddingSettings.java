package dev.waagent.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.net.URI;
import java.time.Duration;

/** {@code wa.embeddings.openai.*}: a remote embeddings endpoint speaking OpenAI's API. */
@ConfigurationProperties("wa.embeddings.openai")
public interface OpenAiEmbeddingSettings {

    @Bindable(defaultValue = "https://api.openai.com/v1")
    @NotNull
    URI getBaseUrl();

    /** Secret: set from the environment ({@code WA_EMBEDDINGS_OPENAI_API_KEY}), never logged. Empty for a local Ollama. */
    @Nullable
    String getApiKey();

    @Bindable(defaultValue = "text-embedding-3-small")
    @NotBlank
    String getModel();

    /** Ask for shorter vectors (text-embedding-3 models support it); unset means the model's own length. */
    @Nullable
    @Min(1)
    Integer getDimensions();

    @Bindable(defaultValue = "10s")
    @NotNull
    Duration getTimeout();

    /**
     * {@code float} works with every compatible server; {@code base64} (OpenAI's default, smaller responses) is
     * not understood by several of them (Ollama, some proxies).
     */
    @Bindable(defaultValue = "float")
    @Pattern(regexp = "float|base64")
    String getEncodingFormat();

    /** Texts per request. */
    @Bindable(defaultValue = "64")
    @Min(1)
    int getBatchSize();
}
