package dev.waagent.twilio;

import dev.waagent.domain.channel.ChannelError;

import java.util.Map;

/**
 * Twilio error codes this system reacts to or explains, with short titles (paraphrased from Twilio's error pages,
 * {@code https://www.twilio.com/docs/errors/<code>}). Codes not listed keep Twilio's own message.
 */
public final class TwilioErrorCodes {

    /** Free-form message outside the 24 h customer service window: send an approved template (ContentSid) instead. */
    public static final int OUTSIDE_WINDOW = 63016;
    /** The WhatsApp sender exceeded its channel rate limit (Meta's messaging limit). */
    public static final int CHANNEL_RATE_LIMIT = 63018;
    /** The recipient opted out (replied STOP). */
    public static final int UNSUBSCRIBED = 21610;
    /** REST API throttling (HTTP 429). */
    public static final int TOO_MANY_REQUESTS = 20429;
    /** Wrong account SID or auth token (HTTP 401). */
    public static final int AUTHENTICATION = 20003;

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(AUTHENTICATION, "Authentication failed: account SID or auth token is wrong"),
            Map.entry(TOO_MANY_REQUESTS, "Too many requests"),
            Map.entry(UNSUBSCRIBED, "Recipient has unsubscribed (replied STOP)"),
            Map.entry(30003, "Unreachable destination handset"),
            Map.entry(30005, "Unknown destination handset"),
            Map.entry(30006, "Landline or unreachable carrier"),
            Map.entry(30007, "Message filtered"),
            Map.entry(30008, "Unknown error"),
            Map.entry(63003, "Channel could not find the To address"),
            Map.entry(OUTSIDE_WINDOW, "Outside the 24 h messaging window; use an approved template"),
            Map.entry(CHANNEL_RATE_LIMIT, "Rate limit exceeded for the channel"),
            Map.entry(63024, "Invalid message recipient"));

    private TwilioErrorCodes() {
    }

    /** The short title of a known code, else {@code null}. */
    public static String title(String code) {
        try {
            return code == null ? null : TITLES.get(Integer.parseInt(code.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Twilio's page for a code. */
    public static String moreInfo(String code) {
        return "https://www.twilio.com/docs/errors/" + code;
    }

    /**
     * The normalized error: the code, a title (ours for known codes, else Twilio's message, else a generic one) and a
     * detail (Twilio's message when it adds something, else the error page).
     */
    public static ChannelError toChannelError(String code, String twilioMessage) {
        String message = twilioMessage == null || twilioMessage.isBlank() ? null : twilioMessage.strip();
        String known = title(code);
        String title = known != null ? known : message != null ? message : "Twilio error " + code;
        String detail = message != null && !message.equals(title) ? message : moreInfo(code);
        return new ChannelError(code, title, detail);
    }
}
