package dev.waagent.domain.channel;

/** The webhook body is not something the platform would send (not JSON, wrong shape). Maps to 400. */
public class MalformedPayloadException extends RuntimeException {
    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
