package dev.waagent.knowledge;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
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
}
