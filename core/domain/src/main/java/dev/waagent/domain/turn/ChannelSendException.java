package dev.waagent.domain.turn;

/**
 * The platform did not accept an outbound message.
 *
 * @param retryable whether a later attempt may succeed (throttling, 5xx) as opposed to a refusal (bad number, window closed)
 */
public class ChannelSendException extends RuntimeException {

    private final boolean retryable;
    private final String errorCode;

    public ChannelSendException(String message, String errorCode, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String errorCode() {
        return errorCode;
    }
}
