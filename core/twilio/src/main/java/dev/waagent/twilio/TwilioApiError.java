package dev.waagent.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.twilio.internal.Json;

import java.io.IOException;
import java.util.Optional;

/**
 * Twilio's REST error body: {@code {"code": 63016, "message": "…", "more_info": "https://www.twilio.com/docs/errors/63016",
 * "status": 400}}.
 *
 * @param code     Twilio's error code, or {@code null} when the body had none
 * @param message  Twilio's message (may quote a phone number: never log it)
 * @param moreInfo the error page
 * @param status   the HTTP status Twilio put in the body, or {@code null}
 */
public record TwilioApiError(Integer code, String message, String moreInfo, Integer status) {

    /** The error in a response body, if the body is Twilio's error JSON. */
    public static Optional<TwilioApiError> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !(root.has("code") || root.has("message"))) {
            return Optional.empty();
        }
        return Optional.of(new TwilioApiError(Json.integer(root, "code"), Json.text(root, "message"),
                Json.text(root, "more_info"), Json.integer(root, "status")));
    }

    /** The code as text for {@code ChannelSendException.errorCode()}; {@code "unknown"} when absent. */
    public String codeText() {
        return code == null ? "unknown" : code.toString();
    }

    public boolean is(int twilioCode) {
        return code != null && code == twilioCode;
    }

    /** The normalized form (title from {@link TwilioErrorCodes} for known codes). */
    public ChannelError toChannelError() {
        return TwilioErrorCodes.toChannelError(codeText(), message);
    }

    /** Log-safe: the code, the status and our title for known codes; never Twilio's message (it may quote a number). */
    public String summary() {
        StringBuilder out = new StringBuilder("code=").append(codeText());
        if (status != null) {
            out.append(" status=").append(status);
        }
        String title = TwilioErrorCodes.title(codeText());
        if (title != null) {
            out.append(" title=\"").append(title).append('"');
        }
        return out.toString();
    }
}
