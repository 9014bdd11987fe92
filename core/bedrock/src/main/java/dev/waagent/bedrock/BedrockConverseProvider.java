package dev.waagent.bedrock;

import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.llm.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * An {@link LlmProvider} for one Amazon Bedrock model through the Converse API, on the AWS SDK v2
 * {@link BedrockRuntimeClient} with the URL-connection HTTP client.
 *
 * <p>Exactly one HTTP attempt per {@link #complete} call: the SDK's retry strategy is
 * {@link AwsRetryStrategy#doNotRetry()} (one attempt), because the fallback chain above owns retries and fallback.
 * By default the SDK retries throttling and 5xx up to three attempts with backoff, sleeping inside a call whose
 * time budget is the turn's remaining deadline, hiding 429s from the chain's circuit breakers and adding load to a
 * model that is already throttling us. Each call's timeout is the request's {@link LlmRequest#timeout()} (the rest
 * of the turn's deadline), applied as the SDK's {@code apiCallTimeout} to the whole call.
 *
 * <p>Credentials: the provider given to the constructor; else static dummy credentials for a local endpoint
 * ({@link BedrockSettings#usesLocalEndpoint()}: a stub never sees real ones); else the SDK's default chain (in
 * Lambda: the function role's credentials from the environment). Never logs credentials, prompts or replies: only provider, model, request id, stop reason, token
 * counts and latency.
 *
 * <p>Thread-safe; build one per configured provider at start-up, call {@link #prime()} in the init phase, and
 * {@link #close()} it on shutdown.
 */
public final class BedrockConverseProvider implements LlmProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BedrockConverseProvider.class);

    /** The URL-connection client's own default; a connect that takes longer means the endpoint is not there. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final BedrockSettings settings;
    private final ConverseRequestMapper requestMapper;
    private final ConverseResponseMapper responseMapper;
    private final BedrockFailureMapper failureMapper;
    private final SdkHttpClient httpClient;
    private final AutoCloseable ownedCredentials;
    private final BedrockRuntimeClient client;

    public BedrockConverseProvider(BedrockSettings settings, TokenCounter tokenCounter) {
        this(settings, tokenCounter, null, Clock.systemUTC());
    }

    /**
     * @param credentials the credentials to sign with, e.g. a provider shared by the application's SDK clients; null
     *                    for the default chain (dummy credentials for a local endpoint). Not closed by this provider.
     * @param clock       reads HTTP-date {@code Retry-After} values
     */
    public BedrockConverseProvider(BedrockSettings settings, TokenCounter tokenCounter, AwsCredentialsProvider credentials,
                                   Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requestMapper = new ConverseRequestMapper(settings);
        this.responseMapper = new ConverseResponseMapper(settings.name(), settings.modelId(),
                Objects.requireNonNull(tokenCounter, "tokenCounter"));
        this.failureMapper = new BedrockFailureMapper(settings.name(), Objects.requireNonNull(clock, "clock"));

        AwsCredentialsProvider signingCredentials = credentials;
        AutoCloseable owned = null;
        if (signingCredentials == null && settings.usesLocalEndpoint()) {
            signingCredentials = DUMMY_CREDENTIALS;
        } else if (signingCredentials == null) {
            // Resolves lazily, on the first call: building it contacts nothing.
            DefaultCredentialsProvider defaults = DefaultCredentialsProvider.builder().build();
            signingCredentials = defaults;
            owned = defaults;
        }
        this.ownedCredentials = owned;
        this.httpClient = new PrimingHttpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(shorter(CONNECT_TIMEOUT, settings.defaultTimeout()))
                .socketTimeout(settings.defaultTimeout())
                .build());
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(settings.region()))
                .httpClient(httpClient)
                .credentialsProvider(new IdentityResolutionGuard(signingCredentials))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(settings.defaultTimeout()));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        this.client = builder.build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    public BedrockSettings settings() {
        return settings;
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmException {
        Objects.requireNonNull(request, "request");
        return call(request, null);
    }

    /**
     * Runs two calls through the full client stack, one answered with a Converse response (text and a tool use)
     * and one with a ThrottlingException, both served from memory by the HTTP client and signed with dummy
     * credentials: no network, no credential lookup, nothing billed. The first real call in a fresh JVM otherwise
     * pays for class loading, endpoint-rule evaluation and cold JSON (un)marshalling; call this in the Lambda init
     * phase (or before a SnapStart snapshot). Failures are logged and swallowed: priming is an optimisation.
     */
    public void prime() {
        long start = System.nanoTime();
        LlmRequest warmUp = new LlmRequest(
                "prime",
                List.of(ChatMessage.system("prime"), ChatMessage.user("prime"), ChatMessage.assistant("prime"),
                        new ChatMessage(ChatRole.TOOL, "{}", "tooluse_prime")),
                List.of(new ToolDefinition("prime", "prime",
                        "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\","
                                + "\"minimum\":1}},\"required\":[\"q\"]}")),
                16, 0.2, settings.defaultTimeout(), Locale.ENGLISH);
        try {
            call(warmUp, PrimingHttpClient.PRIME_OK);
            try {
                call(warmUp, PrimingHttpClient.PRIME_THROTTLED);
            } catch (LlmException expected) {
                // The throttling path (error unmarshalling, mapping) is what this call warms.
            }
            LOG.debug("provider {} primed in {} ms", settings.name(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("provider {} could not be primed: {}", settings.name(), e.toString());
        }
    }

    @Override
    public void close() {
        client.close();
        // The SDK leaves an HTTP client it was given to its owner.
        httpClient.close();
        if (ownedCredentials != null) {
            try {
                ownedCredentials.close();
            } catch (Exception e) {
                LOG.debug("provider {}: closing the credentials provider failed: {}", settings.name(), e.toString());
            }
        }
    }

    private LlmResponse call(LlmRequest request, String primeMarker) {
        Duration timeout = request.timeout();
        if (timeout.isNegative() || timeout.toMillis() < 1) {
            // A zero timeout means "no timeout" to the SDK: never send a call without one.
            throw failureMapper.noTimeLeft(timeout);
        }
        ConverseRequest converse = requestMapper.toRequest(request);
        AwsRequestOverrideConfiguration.Builder perCall = AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout);
        if (primeMarker != null) {
            perCall.putHeader(PrimingHttpClient.PRIME_HEADER, primeMarker).credentialsProvider(DUMMY_CREDENTIALS);
        }
        converse = converse.toBuilder().overrideConfiguration(perCall.build()).build();
        long start = System.nanoTime();
        try {
            ConverseResponse raw = client.converse(converse);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            LlmResponse response = responseMapper.toResponse(raw, request, latency);
            LOG.debug("provider {} model {} answered in {} ms (bedrock {} ms, request-id {}, stop {}, tokens {}+{}{})",
                    settings.name(), settings.modelId(), latency.toMillis(),
                    raw.metrics() == null ? "-" : raw.metrics().latencyMs(), raw.responseMetadata().requestId(),
                    raw.stopReasonAsString(), response.usage().promptTokens(), response.usage().completionTokens(),
                    response.usage().estimated() ? " estimated" : "");
            return response;
        } catch (RuntimeException e) {
            LlmException failure = failureMapper.map(e);
            LOG.debug("provider {} failed after {} ms: {} {}", settings.name(),
                    (System.nanoTime() - start) / 1_000_000, failure.kind(),
                    failure.httpStatus().map(String::valueOf).orElse(""));
            throw failure;
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
