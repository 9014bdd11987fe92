package dev.waagent.knowledge;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.knowledge.internal.VectorMath;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure-style proxies, Ollama, Together…), on openai-java.
 * Vectors are requested as plain floats ({@code encoding_format=float}) unless configured otherwise: several
 * compatible servers do not implement OpenAI's default base64 encoding.
 * <p>
 * The model name stored with each vector is {@code openai:<model>[@<dimensions>]}, so switching model or length
 * re-embeds. The key is never logged.
 */
public final class OpenAiEmbedder implements Embedder, AutoCloseable {

    /** The SDK refuses to build without a credential; a local keyless server (Ollama) gets this placeholder. */
    private static final String KEYLESS_PLACEHOLDER = "keyless";

    private final OpenAiEmbeddingSettings settings;
    private final OpenAIClient client;
    private final String modelName;
    private volatile int dimensions;

    public OpenAiEmbedder(OpenAiEmbeddingSettings settings) {
        this.settings = settings;
        boolean hasKey = settings.getApiKey() != null && !settings.getApiKey().isBlank();
        if (!hasKey && !isLoopback(settings.getBaseUrl().getHost())) {
            throw new IllegalStateException("wa.embeddings.openai.api-key is required for " + settings.getBaseUrl().getHost());
        }
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.getBaseUrl().toString())
                .apiKey(hasKey ? settings.getApiKey() : KEYLESS_PLACEHOLDER)
                .timeout(Timeout.builder().request(settings.getTimeout()).build())
                .maxRetries(2)
                // Otherwise OPENAI_LOG=debug would print request bodies (customer text) to stderr.
                .logLevel(LogLevel.OFF)
                // Compatible servers omit fields OpenAI always sends.
                .responseValidation(false)
                .build();
        this.modelName = "openai:" + settings.getModel() + (settings.getDimensions() == null ? "" : "@" + settings.getDimensions());
        this.dimensions = settings.getDimensions() == null ? 0 : settings.getDimensions();
    }

    @Override
    public String modelName() {
        return modelName;
    }

    /** The configured length, or the length of the first vector the server returned (one call to find out). */
    @Override
    public int dimensions() {
        if (dimensions == 0) {
            dimensions = embed("dimensions").length;
        }
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text == null ? "" : text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.getBatchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.getBatchSize()));
            vectors.addAll(request(batch));
        }
        return vectors;
    }

    private List<float[]> request(List<String> batch) {
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder()
                .model(settings.getModel())
                .inputOfArrayOfStrings(batch.stream().map(t -> t.isBlank() ? " " : t).toList())
                .encodingFormat("base64".equals(settings.getEncodingFormat())
                        ? EmbeddingCreateParams.EncodingFormat.BASE64 : EmbeddingCreateParams.EncodingFormat.FLOAT);
        if (settings.getDimensions() != null) {
            params.dimensions(settings.getDimensions());
        }
        CreateEmbeddingResponse response;
        try {
            response = client.embeddings().create(params.build());
        } catch (OpenAIException e) {
            // The SDK's messages name the status and the server's error, never the key.
            throw new EmbeddingException("embeddings request to " + settings.getBaseUrl().getHost() + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
        List<com.openai.models.embeddings.Embedding> data = new ArrayList<>(response.data());
        if (data.size() != batch.size()) {
            throw new EmbeddingException("embeddings endpoint returned " + data.size() + " vectors for " + batch.size() + " texts");
        }
        data.sort(Comparator.comparingLong(com.openai.models.embeddings.Embedding::index));
        List<float[]> vectors = new ArrayList<>(data.size());
        for (com.openai.models.embeddings.Embedding embedding : data) {
            List<Float> values = embedding.embedding();
            float[] vector = new float[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i);
            }
            vectors.add(VectorMath.normalise(vector));
        }
        return vectors;
    }

    @Override
    public void close() {
        client.close();
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
