package dev.waagent.twilio;

/**
 * Keys of {@code InboundMessage.attributes()} produced by {@link TwilioWebhookParser}. Where the Meta channel has the
 * same notion the key is the same string (e.g. {@code media_url}, {@code latitude}, {@code referral_ctwa_clid},
 * {@code button_payload}), so downstream code reads both channels alike. A key is present only when the request
 * carried a non-blank value.
 */
public final class TwilioAttributes {

    // Where the request came from
    /** {@code whatsapp} for {@code whatsapp:} senders, {@code sms} for a bare number (SMS/MMS on the same Twilio number). */
    public static final String CHANNEL_PREFIX = "channel_prefix";
    public static final String ACCOUNT_SID = "account_sid";
    public static final String MESSAGING_SERVICE_SID = "messaging_service_sid";

    // Sender identity
    /** The customer's business-scoped user id ({@code ExternalUserId}, prefix removed). */
    public static final String USER_ID = "user_id";
    public static final String PARENT_USER_ID = "parent_user_id";
    public static final String USERNAME = "username";

    // Context
    /** {@code "true"} when WhatsApp marked the message forwarded. */
    public static final String FORWARDED = "forwarded";
    public static final String FREQUENTLY_FORWARDED = "frequently_forwarded";
    /** Who sent the message the customer replied to ({@code OriginalRepliedMessageSender}). */
    public static final String CONTEXT_FROM = "context_from";

    // Click-to-WhatsApp ads: every non-blank Referral* parameter as referral_ + snake case
    // (ReferralCtwaClid → referral_ctwa_clid, ReferralSourceUrl → referral_source_url, …).
    public static final String REFERRAL_PREFIX = "referral_";
    public static final String REFERRAL_CTWA_CLID = "referral_ctwa_clid";
    public static final String REFERRAL_SOURCE_ID = "referral_source_id";
    public static final String REFERRAL_SOURCE_URL = "referral_source_url";
    public static final String REFERRAL_SOURCE_TYPE = "referral_source_type";
    public static final String REFERRAL_HEADLINE = "referral_headline";
    public static final String REFERRAL_BODY = "referral_body";
    public static final String REFERRAL_MEDIA_ID = "referral_media_id";
    public static final String REFERRAL_NUM_MEDIA = "referral_num_media";

    // Media: the first item as media_url / mime_type, every item as media_<n>_url / media_<n>_mime_type
    public static final String MEDIA_COUNT = "media_count";
    public static final String MEDIA_URL = "media_url";
    public static final String MIME_TYPE = "mime_type";
    public static final String MEDIA_ITEM_PREFIX = "media_";

    // Location
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String LOCATION_NAME = "location_name";
    public static final String LOCATION_ADDRESS = "location_address";

    // Buttons, lists, flows
    /** {@code ButtonPayload}: the id the business gave the button. */
    public static final String BUTTON_PAYLOAD = "button_payload";
    /** For interactive reply buttons, the same payload under the Meta channel's key. */
    public static final String BUTTON_ID = "button_id";
    public static final String BUTTON_TEXT = "button_text";
    public static final String BUTTON_TYPE = "button_type";
    public static final String LIST_ROW_ID = "list_row_id";
    public static final String LIST_ROW_DESCRIPTION = "list_row_description";
    public static final String FLOW_RESPONSE_JSON = "flow_response_json";
    public static final String INTERACTIVE_DATA = "interactive_data";

    private TwilioAttributes() {
    }
}
