package dev.waagent.llm;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmException.Kind;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Translates whatever openai-java throws into an {@link LlmException} whose {@link Kind} tells the fallback chain
 * whether another attempt could help.
 *
 * <p>Messages carry the HTTP status, the provider's error type/code/param and request id, and the provider's own
 * message only after redaction and truncation: some providers echo (part of) the key in 401 messages, and the
 * chain logs these exceptions. For the same reason a service error is not attached as the cause (its message is
 * the provider's raw text); transport errors are, since their messages hold no secrets.
 */
final class FailureMapper {

    /** Key shapes of the providers we call: OpenAI/DeepSeek/Together {@code sk-…}, Groq {@code gsk_…}, Google {@code AIza…}. */
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(?i)\\b(?:sk|gsk|xai|pk|rk)[-_][A-Za-z0-9*._\\-]{4,}|AIza[0-9A-Za-z_\\-*]{8,}|Bearer\\s+\\S+");
    private static final int MAX_PROVIDER_MESSAGE = 200;

    private final String providerName;
    private final String apiKey;
    private final Clock clock;

    FailureMapper(String providerName, String apiKey, Clock clock) {
        this.providerName = providerName;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    LlmException map(RuntimeException failure) {
        if (failure instanceof LlmException llm) {
            return llm;
        }
        if (failure instanceof OpenAIServiceException service) {
            return fromStatus(service);
        }
        if (failure instanceof OpenAIInvalidDataException) {
            // A 2xx whose body is not a chat completion (HTML from a proxy, missing fields): nothing usable.
            return new LlmException(providerName, Kind.EMPTY_RESPONSE, null, null,
                    "the response is not a readable chat completion", failure);
        }
        if (hasCause(failure, InterruptedIOException.class)) {
            // OkHttp's call timeout ("timeout") and socket read/connect timeouts are both InterruptedIOExceptions.
            return new LlmException(providerName, Kind.TIMEOUT, null, null, "no response within the call's timeout", failure);
        }
        // Connection refused or reset, DNS failure, TLS failure, a closed client: the endpoint is not usable now.
        return new LlmException(providerName, Kind.UNAVAILABLE, null, null,
                "transport failure: " + failure.getClass().getSimpleName(), failure);
    }

    /** An exception for a call we did not even try because the turn's deadline is already spent. */
    LlmException noTimeLeft(Duration timeout) {
        return new LlmException(providerName, Kind.TIMEOUT, null, null, "no time left for the call (timeout " + timeout + ")", null);
    }

    private LlmException fromStatus(OpenAIServiceException service) {
        int status = service.statusCode();
        Optional<String> code = service.code();
        Kind kind = kindOf(status, code.orElse(""));
        Duration retryAfter = RetryAfter.parse(name -> headerValues(service, name), clock.instant()).orElse(null);
        StringBuilder message = new StringBuilder();
        service.type().ifPresent(t -> message.append("type=").append(redact(t)).append(' '));
        code.ifPresent(c -> message.append("code=").append(redact(c)).append(' '));
        service.param().ifPresent(p -> message.append("param=").append(redact(p)).append(' '));
        headerValues(service, "x-request-id").stream().findFirst()
                .ifPresent(id -> message.append("request-id=").append(redact(id)).append(' '));
        message.append("- ").append(providerMessage(service));
        return new LlmException(providerName, kind, status, retryAfter, message.toString(), null);
    }

    static Kind kindOf(int status, String code) {
        if (status == 429) {
            // OpenAI answers 429 "insufficient_quota" when the account has no credit: waiting does not help.
            return "insufficient_quota".equals(code) ? Kind.MISCONFIGURED : Kind.RATE_LIMITED;
        }
        if (status == 401 || status == 402 || status == 403) {
            // 402: DeepSeek's "insufficient balance"; like a revoked key, someone has to fix the account.
            return Kind.MISCONFIGURED;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        if (status == 409 || status >= 500) {
            return Kind.UNAVAILABLE;
        }
        if (status >= 400) {
            return Kind.BAD_REQUEST;
        }
        // 1xx/3xx reaching the SDK as an error: the endpoint is not behaving like an API.
        return Kind.UNAVAILABLE;
    }

    private static List<String> headerValues(OpenAIServiceException service, String name) {
        return service.headers().values(name);
    }

    private String providerMessage(OpenAIServiceException service) {
        // The SDK's own message is "<status>: <provider message>"; keep only the provider's part.
        String raw = service.getMessage() == null ? "" : service.getMessage();
        String prefix = service.statusCode() + ": ";
        if (raw.startsWith(prefix)) {
            raw = raw.substring(prefix.length());
        }
        String cleaned = redact(raw).replaceAll("\\s+", " ").strip();
        if (cleaned.length() > MAX_PROVIDER_MESSAGE) {
            cleaned = cleaned.substring(0, MAX_PROVIDER_MESSAGE) + "…";
        }
        return cleaned.isEmpty() ? "(no message)" : cleaned;
    }

    private String redact(String text) {
        String redacted = text;
        if (!apiKey.isEmpty()) {
            redacted = redacted.replace(apiKey, "[redacted]");
        }
        return KEY_LIKE.matcher(redacted).replaceAll("[redacted]");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
