package dev.waagent.whatsapp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Error bodies the Cloud API really answers, copied from published material (fixtures/meta), for local stand-ins of the
 * API and tests: a stand-in asked to fail with one of these codes answers exactly what Meta would.
 */
public final class GraphErrorBodies {

    /** Throughput reached: {@code docs-meta/send/error_response_130429.json} (Meta's error-codes page), verbatim. */
    public static final String THROUGHPUT_130429 = """
            {
              "error": {
                "message": "(#130429) Rate limit hit",
                "type": "OAuthException",
                "code": 130429,
                "error_data": {
                    "messaging_product": "whatsapp",
                    "details": "Cloud API message throughput has been reached."
                },
                "error_subcode": 2494055,
                "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"
              }
            }""";

    /**
     * Window closed: pywa's {@code error_object__ReEngagementMessage.json} (a real Graph error object), verbatim, in the
     * {@code {"error": …}} envelope every Graph API error response has.
     */
    public static final String RE_ENGAGEMENT_131047 = """
            {"error": {
              "code": 131047,
              "title": "Re-engagement message",
              "message": "Re-engagement message",
              "error_data": {
                "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
              },
              "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
            }}""";

    /**
     * Pair rate limit. No published response body exists in the fixtures: this is the 130429 envelope with 131056's
     * code and the description from Meta's error-codes page.
     */
    public static final String PAIR_RATE_131056 = """
            {
              "error": {
                "message": "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                "type": "OAuthException",
                "code": 131056,
                "error_data": {
                    "messaging_product": "whatsapp",
                    "details": "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time."
                },
                "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"
              }
            }""";

    private GraphErrorBodies() {
    }

    /** The real body for {@code code} (130429, 131047, 131056), if one is known. */
    public static Optional<byte[]> forCode(int code) {
        String body = switch (code) {
            case GraphApiError.THROUGHPUT_LIMIT -> THROUGHPUT_130429;
            case GraphApiError.RE_ENGAGEMENT -> RE_ENGAGEMENT_131047;
            case GraphApiError.PAIR_RATE_LIMIT -> PAIR_RATE_131056;
            default -> null;
        };
        return Optional.ofNullable(body).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }
}
