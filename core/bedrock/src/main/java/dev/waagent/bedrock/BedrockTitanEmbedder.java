package dev.waagent.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.domain.llm.LlmException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Embeddings from Amazon Titan Text Embeddings V2 on Bedrock ({@code InvokeModel}, one text per call: the model
 * takes no batches). Request {@code {"inputText", "dimensions", "normalize": true}}, response
 * {@code {"embedding": [...], "inputTextTokenCount"}}. Titan V2 is multilingual (100+ languages), so it serves
 * Hinglish and Bahasa questions where the in-process English model cannot.
 * <p>
 * The model name stored with each vector is {@code bedrock:<model id>@<dimensions>}, so switching model or length
 * re-embeds. Credentials and endpoint as for {@link BedrockConverseProvider}: static dummy credentials for a local
 * endpoint, the default chain otherwise (the function role in Lambda). Throttling is retried by the SDK's standard
 * strategy ({@code maxAttempts}); a failure that remains is an {@link EmbeddingException} whose cause is the
 * {@link LlmException} naming its kind ({@code RATE_LIMITED}, {@code MISCONFIGURED}, ...). Never logs the text.
 */
public final class BedrockTitanEmbedder implements Embedder, AutoCloseable {

    public static final String DEFAULT_MODEL = "amazon.titan-embed-text-v2:0";
    /** The lengths Titan Text Embeddings V2 can return. */
    public static final Set<Integer> TITAN_V2_DIMENSIONS = Set.of(256, 512, 1024);
    /** Titan V2 takes at most 50,000 characters (and 8,192 tokens); longer text is cut rather than refused. */
    static final int MAX_INPUT_CHARS = 50_000;
    private static final String PROVIDER = "bedrock-embeddings";
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final String modelId;
    private final int dimensions;
    private final String modelName;
    private final BedrockFailureMapper failures;
    private final SdkHttpClient httpClient;
    private final AutoCloseable ownedCredentials;
    private final BedrockRuntimeClient client;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param modelId          {@code amazon.titan-embed-text-v2:0} (sent URL-encoded in the path)
     * @param region           the region of the runtime endpoint and of the signature
     * @param endpointOverride null in AWS; a local stub or a VPC endpoint otherwise
     * @param dimensions       256, 512 or 1024 for Titan V2
     * @param timeout          per call, and the socket read timeout
     * @param maxAttempts      attempts per text including SDK retries of throttling and 5xx (1 = no retry)
     */
    public BedrockTitanEmbedder(String modelId, String region, URI endpointOverride, int dimensions, Duration timeout,
                                int maxAttempts) {
        // The same validation and local-endpoint rule as a Converse model (maxTokens/temperature are unused here).
        BedrockSettings settings = new BedrockSettings(PROVIDER, modelId, region, endpointOverride, 1, 0, timeout);
        if (modelId.strip().startsWith("amazon.titan-embed-text-v2") && !TITAN_V2_DIMENSIONS.contains(dimensions)) {
            throw new IllegalArgumentException("Titan Text Embeddings V2 returns 256, 512 or 1024 dimensions, not " + dimensions);
        }
        if (dimensions < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("dimensions and maxAttempts must be at least 1");
        }
        this.modelId = settings.modelId();
        this.dimensions = dimensions;
        this.modelName = "bedrock:" + this.modelId + "@" + dimensions;
        this.failures = new BedrockFailureMapper(PROVIDER, Clock.systemUTC());
        AwsCredentialsProvider credentials;
        AutoCloseable owned = null;
        if (settings.usesLocalEndpoint()) {
            credentials = DUMMY_CREDENTIALS;
        } else {
            DefaultCredentialsProvider defaults = DefaultCredentialsProvider.builder().build();
            credentials = defaults;
            owned = defaults;
        }
        this.ownedCredentials = owned;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2).compareTo(timeout) < 0 ? Duration.ofSeconds(2) : timeout)
                .socketTimeout(timeout)
                .build();
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(httpClient)
                .credentialsProvider(new IdentityResolutionGuard(credentials))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(timeout));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        this.client = builder.build();
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        String input = text == null || text.isBlank() ? " " : text;
        if (input.length() > MAX_INPUT_CHARS) {
            input = input.substring(0, MAX_INPUT_CHARS);
        }
        ObjectNode body = json.createObjectNode()
                .put("inputText", input)
                .put("dimensions", dimensions)
                .put("normalize", true);
        InvokeModelResponse response;
        try {
            response = client.invokeModel(InvokeModelRequest.builder()
                    .modelId(modelId)
                    .contentType("application/json")
                    .accept("application/json")
                    .body(SdkBytes.fromUtf8String(body.toString()))
                    .build());
        } catch (RuntimeException e) {
            LlmException failure = failures.map(e);
            throw new EmbeddingException("Bedrock embeddings (" + modelId + ") failed: " + failure.getMessage(), failure);
        }
        return vector(response.body().asByteArray());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    private float[] vector(byte[] body) {
        JsonNode values;
        try {
            values = json.readTree(body).path("embedding");
        } catch (IOException e) {
            throw new EmbeddingException("Bedrock embeddings (" + modelId + ") returned an unreadable body", e);
        }
        if (!values.isArray() || values.size() != dimensions) {
            throw new EmbeddingException("Bedrock embeddings (" + modelId + ") returned " + values.size()
                    + " values, expected " + dimensions);
        }
        float[] vector = new float[values.size()];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
            norm += (double) vector[i] * vector[i];
        }
        // Asked normalised already; made exact here, since every similarity is a plain dot product.
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    @Override
    public void close() {
        client.close();
        httpClient.close();
        if (ownedCredentials != null) {
            try {
                ownedCredentials.close();
            } catch (Exception ignored) {
                // Nothing useful to do while shutting down.
            }
        }
    }

    @Override
    public String toString() {
        return "BedrockTitanEmbedder(" + modelName + ")";
    }
}
