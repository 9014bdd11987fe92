package dev.waagent.knowledge;

import dev.waagent.bedrock.BedrockTitanEmbedder;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The one {@link dev.waagent.domain.knowledge.Embedder} of the process, chosen by {@code wa.embeddings.provider},
 * with a query cache in front. Inject it as {@code Embedder}.
 */
@Factory
public class EmbedderFactory {

    @Singleton
    @Requires(property = "wa.embeddings.provider", value = "onnx", defaultValue = "onnx")
    CachingEmbedder onnxEmbedder(KnowledgeSettings knowledge) {
        return new CachingEmbedder(new OnnxEmbedder(), knowledge.getQueryCacheSize());
    }

    @Singleton
    @Requires(property = "wa.embeddings.provider", value = "openai")
    @Bean(preDestroy = "close")
    CachingEmbedder openAiEmbedder(OpenAiEmbeddingSettings settings, KnowledgeSettings knowledge) {
        return new CachingEmbedder(new OpenAiEmbedder(settings), knowledge.getQueryCacheSize());
    }

    @Singleton
    @Requires(property = "wa.embeddings.provider", value = "bedrock")
    @Bean(preDestroy = "close")
    CachingEmbedder bedrockEmbedder(BedrockEmbeddingSettings settings, KnowledgeSettings knowledge,
                                    @Nullable @Value("${aws.region:}") String awsRegion) {
        String region = settings.getRegion() != null && !settings.getRegion().isBlank() ? settings.getRegion() : awsRegion;
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("wa.embeddings.bedrock.region (or aws.region) is required for Bedrock embeddings");
        }
        return new CachingEmbedder(new BedrockTitanEmbedder(settings.getModelId(), region, settings.getEndpointOverride(),
                settings.getDimensions(), settings.getTimeout(), settings.getMaxAttempts()), knowledge.getQueryCacheSize());
    }
}
