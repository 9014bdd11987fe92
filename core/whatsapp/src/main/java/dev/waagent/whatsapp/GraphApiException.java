package dev.waagent.whatsapp;

/**
 * The Cloud API answered a call with an error. Attached as the cause of the {@code ChannelSendException} thrown by
 * {@link GraphApiClient}, so callers that care (e.g. switching to a template after 131047) can read the Graph error.
 * The message holds codes and titles only, never a token or customer text.
 */
public class GraphApiException extends RuntimeException {

    private final int httpStatus;
    private final GraphApiError error;

    public GraphApiException(int httpStatus, GraphApiError error) {
        super("HTTP " + httpStatus + (error == null ? " (no Graph error body)" : " " + error.summary()));
        this.httpStatus = httpStatus;
        this.error = error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The parsed Graph error, or {@code null} when the body carried none (e.g. a proxy's HTML page). */
    public GraphApiError error() {
        return error;
    }
}
