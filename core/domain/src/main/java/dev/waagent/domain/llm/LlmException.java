package dev.waagent.domain.llm;

import java.time.Duration;
import java.util.Optional;

/** A provider call failed. {@link Kind} tells the chain whether trying again could help. */
public class LlmException extends RuntimeException {

    public enum Kind {
        /** 429 / throttling: retry after {@link #retryAfter()} if the deadline allows, or fall back. */
        RATE_LIMITED(true),
        /** 5xx, connection reset: transient. */
        UNAVAILABLE(true),
        /** No answer within the call's timeout. */
        TIMEOUT(true),
        /** 401/403: key missing, wrong or revoked. Never retried; the provider is misconfigured. */
        MISCONFIGURED(false),
        /** 400/404/422: our request or the model id is wrong. Never retried. */
        BAD_REQUEST(false),
        /** The provider answered with nothing usable. */
        EMPTY_RESPONSE(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final String provider;
    private final Kind kind;
    private final Integer httpStatus;
    private final Duration retryAfter;

    public LlmException(String provider, Kind kind, Integer httpStatus, Duration retryAfter, String message, Throwable cause) {
        super(provider + ": " + kind + (httpStatus == null ? "" : " (HTTP " + httpStatus + ")") + ": " + message, cause);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
