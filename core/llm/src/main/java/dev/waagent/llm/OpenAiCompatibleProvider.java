package dev.waagent.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link LlmProvider} for any endpoint that speaks OpenAI's chat-completions API (OpenAI, Groq, Gemini's
 * OpenAI endpoint, Ollama, DeepSeek, Together, Z.AI GLM), on the official openai-java client.
 *
 * <p>Exactly one HTTP attempt per {@link #complete} call: the SDK's own retries are switched off
 * ({@code maxRetries(0)}) because the fallback chain above owns retries and fallback. SDK retries would sleep
 * inside a call whose time budget is the turn's remaining deadline, hide 429s and 5xx from the chain's circuit
 * breakers, and multiply load on a provider that is already throttling us. Each call's timeout is the request's
 * {@link LlmRequest#timeout()} (the rest of the turn's deadline) capped by the provider's configured timeout,
 * applied to the whole HTTP call.
 *
 * <p>Never logs the key, prompts or replies: only provider, model, status, request id, token counts and latency.
 * Thread-safe; build one per configured provider at start-up, call {@link #prime()} in the init phase, and
 * {@link #close()} it on shutdown.
 */
public final class OpenAiCompatibleProvider implements LlmProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiCompatibleProvider.class);

    /** The SDK refuses to build without a credential; a keyless provider gets this and its header is dropped. */
    private static final String KEYLESS_PLACEHOLDER = "keyless";

    private final OpenAiCompatibleSettings settings;
    private final ChatRequestMapper requestMapper;
    private final ChatResponseMapper responseMapper;
    private final FailureMapper failureMapper;
    private final OpenAIClient client;

    public OpenAiCompatibleProvider(OpenAiCompatibleSettings settings, TokenCounter tokenCounter) {
        this(settings, tokenCounter, Clock.systemUTC());
    }

    /** @param clock reads HTTP-date {@code Retry-After} values */
    public OpenAiCompatibleProvider(OpenAiCompatibleSettings settings, TokenCounter tokenCounter, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requestMapper = new ChatRequestMapper(settings.name(), settings.model(), settings.baseUrl());
        this.responseMapper = new ChatResponseMapper(settings.name(), settings.model(),
                Objects.requireNonNull(tokenCounter, "tokenCounter"));
        this.failureMapper = new FailureMapper(settings.name(), settings.apiKey(), Objects.requireNonNull(clock, "clock"));
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.hasApiKey() ? settings.apiKey() : KEYLESS_PLACEHOLDER)
                .maxRetries(0)
                .timeout(Timeout.builder().request(settings.defaultTimeout()).build())
                // The default reads OPENAI_LOG, and at "debug" the SDK prints request and response bodies (the
                // customers' messages) to stderr: logging is ours to decide, so it stays off.
                .logLevel(LogLevel.OFF)
                // Lenient parsing: compatible servers omit fields OpenAI always sends (object, created, refusal).
                .responseValidation(false)
                .addInterceptor(new LocalOnlyInterceptor(!settings.hasApiKey()))
                .build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    public OpenAiCompatibleSettings settings() {
        return settings;
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws LlmException {
        Objects.requireNonNull(request, "request");
        return call(request, null);
    }

    /**
     * Runs two calls through the full client stack, one answered with a completion and one with a 429, both
     * served from memory by an interceptor: no network, no key needed, nothing billed. The first real call in a
     * fresh JVM otherwise pays for class loading and cold JSON mapping (measured on 2 busy cores: first call
     * 1.0-1.2 s unprimed, 0.2 s after priming); call this in the Lambda init phase (or before a SnapStart
     * snapshot). Failures are logged and swallowed: priming is an optimisation.
     */
    public void prime() {
        long start = System.nanoTime();
        LlmRequest warmUp = new LlmRequest(
                "prime",
                List.of(ChatMessage.system("prime"), ChatMessage.user("prime"), ChatMessage.assistant("prime"),
                        new ChatMessage(ChatRole.TOOL, "{}", "call_prime")),
                List.of(new ToolDefinition("prime", "prime",
                        "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[\"q\"]}")),
                16, 0.2, settings.defaultTimeout(), Locale.ENGLISH);
        try {
            call(warmUp, LocalOnlyInterceptor.PRIME_OK);
            try {
                call(warmUp, LocalOnlyInterceptor.PRIME_RATE_LIMITED);
            } catch (LlmException expected) {
                // The 429 path (error parsing, Retry-After, mapping) is what this call warms.
            }
            LOG.debug("provider {} primed in {} ms", settings.name(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("provider {} could not be primed: {}", settings.name(), e.toString());
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private LlmResponse call(LlmRequest request, String primeMarker) {
        // The provider's own cap bounds one call, so a hung endpoint leaves time in the turn for a retry or the next provider.
        Duration timeout = request.timeout().compareTo(settings.defaultTimeout()) < 0 ? request.timeout() : settings.defaultTimeout();
        if (timeout.isNegative() || timeout.toMillis() < 1) {
            // A zero timeout means "no timeout" to the SDK: never send a call without one.
            throw failureMapper.noTimeLeft(timeout);
        }
        ChatCompletionCreateParams params = requestMapper.toParams(request);
        if (primeMarker != null) {
            params = params.toBuilder().putAdditionalHeader(LocalOnlyInterceptor.PRIME_HEADER, primeMarker).build();
        }
        RequestOptions options = RequestOptions.builder()
                .timeout(Timeout.builder().request(timeout).build())
                .build();
        long start = System.nanoTime();
        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(params, options)) {
            ChatCompletion completion = raw.parse();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            String requestId = raw.headers().values("x-request-id").stream().findFirst().orElse("-");
            LlmResponse response = responseMapper.toResponse(completion, request, latency);
            LOG.debug("provider {} model {} answered in {} ms (request-id {}, tokens {}+{}{})", settings.name(),
                    response.model(), latency.toMillis(), requestId, response.usage().promptTokens(),
                    response.usage().completionTokens(), response.usage().estimated() ? " estimated" : "");
            return response;
        } catch (RuntimeException e) {
            LlmException failure = failureMapper.map(e);
            LOG.debug("provider {} failed after {} ms: {} {}", settings.name(),
                    (System.nanoTime() - start) / 1_000_000, failure.kind(), failure.httpStatus().map(String::valueOf).orElse(""));
            throw failure;
        }
    }
}
