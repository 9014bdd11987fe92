package dev.waagent.bedrock;

import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmException.Kind;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Translates whatever the Bedrock Runtime client throws into an {@link LlmException} whose {@link Kind} tells the
 * fallback chain whether another attempt could help.
 *
 * <p>The error code (from {@code x-amzn-ErrorType} or the body's {@code __type}, as the SDK reads it) decides
 * first, because one status means different things on Bedrock: 429 is both {@code ThrottlingException} (wait and
 * retry) and {@code ModelNotReadyException} (the model is loading: try another provider), 400 is both
 * {@code ValidationException} and {@code ServiceQuotaExceededException}. Unknown codes fall back to the status.
 *
 * <p>Messages carry the status, error code, request id and Bedrock's own message after redaction and truncation;
 * a service error is not attached as the cause (its message is Bedrock's raw text), transport errors are.
 */
final class BedrockFailureMapper {

    private static final Map<String, Kind> KIND_BY_CODE = Map.ofEntries(
            Map.entry("ThrottlingException", Kind.RATE_LIMITED),
            Map.entry("ServiceQuotaExceededException", Kind.RATE_LIMITED),
            Map.entry("TooManyRequestsException", Kind.RATE_LIMITED),
            Map.entry("AccessDeniedException", Kind.MISCONFIGURED),
            Map.entry("UnrecognizedClientException", Kind.MISCONFIGURED),
            Map.entry("InvalidSignatureException", Kind.MISCONFIGURED),
            Map.entry("IncompleteSignatureException", Kind.MISCONFIGURED),
            Map.entry("MissingAuthenticationTokenException", Kind.MISCONFIGURED),
            Map.entry("ExpiredTokenException", Kind.MISCONFIGURED),
            Map.entry("ValidationException", Kind.BAD_REQUEST),
            Map.entry("ResourceNotFoundException", Kind.BAD_REQUEST),
            Map.entry("ConflictException", Kind.BAD_REQUEST),
            Map.entry("ModelNotReadyException", Kind.UNAVAILABLE),
            Map.entry("ServiceUnavailableException", Kind.UNAVAILABLE),
            Map.entry("InternalServerException", Kind.UNAVAILABLE),
            Map.entry("InternalFailure", Kind.UNAVAILABLE),
            Map.entry("ModelErrorException", Kind.UNAVAILABLE),
            Map.entry("ModelStreamErrorException", Kind.UNAVAILABLE),
            Map.entry("ModelTimeoutException", Kind.UNAVAILABLE));

    /** AWS access key ids ({@code AKIA…} long-term, {@code ASIA…} temporary) and signature fragments. */
    private static final Pattern KEY_LIKE = Pattern.compile(
            "\\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\\b|Credential=\\S+|Signature=[0-9a-fA-F]+|Bearer\\s+\\S+");
    private static final int MAX_PROVIDER_MESSAGE = 200;

    private final String providerName;
    private final Clock clock;

    BedrockFailureMapper(String providerName, Clock clock) {
        this.providerName = providerName;
        this.clock = clock;
    }

    LlmException map(RuntimeException failure) {
        if (failure instanceof LlmException llm) {
            return llm;
        }
        if (failure instanceof AwsServiceException service) {
            return fromService(service);
        }
        if (failure instanceof SdkServiceException service) {
            // A non-AWS error shape (a proxy's HTML page): only the status is known.
            return new LlmException(providerName, kindOf("", service.statusCode()), service.statusCode(), null,
                    "unreadable error response", null);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || hasCause(failure, InterruptedIOException.class)) {
            // The call's own timeout (apiCallTimeout), or the socket read/connect timeout behind it.
            return new LlmException(providerName, Kind.TIMEOUT, null, null, "no response within the call's timeout", failure);
        }
        if (hasCause(failure, IdentityResolutionGuard.MissingCredentialsException.class)) {
            return new LlmException(providerName, Kind.MISCONFIGURED, null, null,
                    "no AWS credentials could be resolved", failure);
        }
        if (hasCause(failure, com.fasterxml.jackson.core.JsonProcessingException.class)
                || hasCause(failure, software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException.class)) {
            // A 2xx whose body is not a Converse response (HTML from a proxy): nothing usable.
            return new LlmException(providerName, Kind.EMPTY_RESPONSE, null, null,
                    "the response is not a readable Converse response", failure);
        }
        // Connection refused or reset, DNS failure, TLS failure, a closed client: the endpoint is not usable now.
        return new LlmException(providerName, Kind.UNAVAILABLE, null, null,
                "transport failure: " + failure.getClass().getSimpleName(), failure);
    }

    /** An exception for a call we did not even try because the turn's deadline is already spent. */
    LlmException noTimeLeft(Duration timeout) {
        return new LlmException(providerName, Kind.TIMEOUT, null, null, "no time left for the call (timeout " + timeout + ")", null);
    }

    static Kind kindOf(String errorCode, int status) {
        Kind byCode = KIND_BY_CODE.get(errorCode);
        if (byCode != null) {
            return byCode;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return Kind.MISCONFIGURED;
        }
        if (status == 408) {
            return Kind.TIMEOUT;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        if (status >= 400) {
            return Kind.BAD_REQUEST;
        }
        return Kind.UNAVAILABLE;
    }

    private LlmException fromService(AwsServiceException service) {
        AwsErrorDetails details = service.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        int status = service.statusCode();
        Kind kind = kindOf(code, status);
        Duration retryAfter = kind == Kind.RATE_LIMITED ? retryAfter(details).orElse(null) : null;
        StringBuilder message = new StringBuilder();
        if (!code.isEmpty()) {
            message.append("code=").append(redact(code)).append(' ');
        }
        if (service.requestId() != null) {
            message.append("request-id=").append(redact(service.requestId())).append(' ');
        }
        message.append("- ").append(providerMessage(details));
        return new LlmException(providerName, kind, status, retryAfter, message.toString(), null);
    }

    /** Bedrock does not document a Retry-After; honour one (delta seconds or HTTP date) if a proxy or a future API sends it. */
    private Optional<Duration> retryAfter(AwsErrorDetails details) {
        SdkHttpResponse response = details == null ? null : details.sdkHttpResponse();
        if (response == null) {
            return Optional.empty();
        }
        return response.firstMatchingHeader("Retry-After").map(String::strip).flatMap(this::parseRetryAfter);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (!Double.isFinite(seconds) || seconds < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000d)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String providerMessage(AwsErrorDetails details) {
        String raw = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        String cleaned = redact(raw).replaceAll("\\s+", " ").strip();
        if (cleaned.length() > MAX_PROVIDER_MESSAGE) {
            cleaned = cleaned.substring(0, MAX_PROVIDER_MESSAGE) + "…";
        }
        return cleaned.isEmpty() ? "(no message)" : cleaned;
    }

    private static String redact(String text) {
        return KEY_LIKE.matcher(text).replaceAll("[redacted]");
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
