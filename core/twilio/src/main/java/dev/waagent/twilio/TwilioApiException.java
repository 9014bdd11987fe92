package dev.waagent.twilio;

/**
 * Twilio's REST API answered with an error. Attached as the cause of the {@code ChannelSendException} thrown by
 * {@link TwilioMessagingClient}, so callers that care (e.g. switching to a template after 63016) can read it. The
 * message holds codes and statuses only, never a token, a phone number or customer text.
 */
public class TwilioApiException extends RuntimeException {

    private final int httpStatus;
    private final TwilioApiError error;

    public TwilioApiException(int httpStatus, TwilioApiError error) {
        super("HTTP " + httpStatus + (error == null ? " (no Twilio error body)" : " " + error.summary()));
        this.httpStatus = httpStatus;
        this.error = error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The parsed error, or {@code null} when the body carried none (e.g. a proxy's HTML page). */
    public TwilioApiError error() {
        return error;
    }
}
