package dev.waagent.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code wa.embeddings.provider}: {@code onnx} (default: BGE-small-en-v1.5, quantised, in process, no network,
 * English only), {@code openai} (any OpenAI-compatible embeddings endpoint, see {@link OpenAiEmbeddingSettings};
 * use a multilingual model there for Hinglish and Bahasa) or {@code bedrock} (Amazon Titan Text Embeddings V2,
 * multilingual, see {@link BedrockEmbeddingSettings}).
 */
@ConfigurationProperties("wa.embeddings")
public interface EmbeddingSettings {

    @Bindable(defaultValue = "onnx")
    @NotBlank
    @Pattern(regexp = "onnx|openai|bedrock")
    String getProvider();
}
