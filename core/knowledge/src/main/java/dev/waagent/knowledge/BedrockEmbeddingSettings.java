package dev.waagent.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * {@code wa.embeddings.bedrock.*}: Amazon Titan Text Embeddings on Bedrock ({@code wa.embeddings.provider=bedrock}),
 * signed with the function's AWS credentials (its role in Lambda), multilingual.
 */
@ConfigurationProperties("wa.embeddings.bedrock")
public interface BedrockEmbeddingSettings {

    @Bindable(defaultValue = "amazon.titan-embed-text-v2:0")
    @NotBlank
    String getModelId();

    /** The Bedrock region; unset means {@code aws.region} (Lambda sets {@code AWS_REGION}). */
    @Nullable
    String getRegion();

    /** Unset in AWS; a local stub ({@code http://127.0.0.1:8089}, called with dummy credentials) or a VPC endpoint. */
    @Nullable
    URI getEndpointOverride();

    /** Titan V2: 256, 512 or 1024. */
    @Bindable(defaultValue = "1024")
    @Min(1)
    int getDimensions();

    @Bindable(defaultValue = "10s")
    @NotNull
    Duration getTimeout();

    /** Attempts per text, SDK retries of throttling and 5xx included (1 = no retry). */
    @Bindable(defaultValue = "3")
    @Min(1)
    int getMaxAttempts();
}
