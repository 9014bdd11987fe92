package dev.waagent.whatsapp;

/**
 * Keys of {@code InboundMessage.attributes()} produced by {@link WhatsAppWebhookParser}. A key is present only when
 * the webhook carried the value; values are the platform's, as text (booleans {@code "true"}/{@code "false"}).
 */
public final class WhatsAppAttributes {

    // Sender identity (business-scoped user ids, usernames)
    /** The customer's business-scoped user id (BSUID) when known. */
    public static final String USER_ID = "user_id";
    public static final String PARENT_USER_ID = "parent_user_id";
    public static final String USERNAME = "username";
    /** The customer's phone-based id from {@code contacts[].wa_id} when it differs from the customer id. */
    public static final String WA_ID = "wa_id";
    /** Set to {@code "true"} when the message had no usable timestamp and the receive time was used. */
    public static final String TIMESTAMP_MISSING = "timestamp_missing";

    // Context: replies, forwards, product questions
    public static final String CONTEXT_FROM = "context_from";
    public static final String FORWARDED = "forwarded";
    public static final String FREQUENTLY_FORWARDED = "frequently_forwarded";
    public static final String REFERRED_PRODUCT_CATALOG_ID = "referred_product_catalog_id";
    public static final String REFERRED_PRODUCT_RETAILER_ID = "referred_product_retailer_id";

    // Click-to-WhatsApp ads and other referrals
    public static final String REFERRAL_SOURCE_URL = "referral_source_url";
    public static final String REFERRAL_SOURCE_ID = "referral_source_id";
    public static final String REFERRAL_SOURCE_TYPE = "referral_source_type";
    public static final String REFERRAL_HEADLINE = "referral_headline";
    public static final String REFERRAL_BODY = "referral_body";
    public static final String REFERRAL_MEDIA_TYPE = "referral_media_type";
    public static final String REFERRAL_IMAGE_URL = "referral_image_url";
    public static final String REFERRAL_VIDEO_URL = "referral_video_url";
    public static final String REFERRAL_THUMBNAIL_URL = "referral_thumbnail_url";
    public static final String REFERRAL_CTWA_CLID = "referral_ctwa_clid";
    public static final String REFERRAL_WELCOME_MESSAGE = "referral_welcome_message";

    // Media (image, audio, video, document, sticker)
    public static final String MEDIA_ID = "media_id";
    public static final String MIME_TYPE = "mime_type";
    public static final String SHA256 = "sha256";
    /** Download URL, present in newer webhook versions; still needs the access token to fetch. */
    public static final String MEDIA_URL = "media_url";
    public static final String FILENAME = "filename";
    /** Audio recorded as a voice note. */
    public static final String VOICE = "voice";
    public static final String ANIMATED = "animated";

    // Location
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String LOCATION_NAME = "location_name";
    public static final String LOCATION_ADDRESS = "location_address";
    public static final String LOCATION_URL = "location_url";

    // Shared contacts: contact_0_name, contact_0_phone, contact_0_wa_id, …
    public static final String CONTACTS_COUNT = "contacts_count";
    public static final String CONTACT_PREFIX = "contact_";

    // Interactive replies and template buttons
    public static final String INTERACTIVE_TYPE = "interactive_type";
    public static final String BUTTON_ID = "button_id";
    public static final String BUTTON_PAYLOAD = "button_payload";
    public static final String LIST_ROW_ID = "list_row_id";
    public static final String LIST_ROW_DESCRIPTION = "list_row_description";
    public static final String FLOW_NAME = "flow_name";
    public static final String FLOW_RESPONSE_JSON = "flow_response_json";

    // Reactions
    public static final String REACTION_MESSAGE_ID = "reaction_message_id";
    public static final String REACTION_EMOJI = "reaction_emoji";
    /** {@code "true"} when the customer removed a reaction (no or empty emoji). */
    public static final String REACTION_REMOVED = "reaction_removed";

    // Orders: order_item_0_product_retailer_id, order_item_0_quantity, order_item_0_item_price, order_item_0_currency, …
    public static final String ORDER_CATALOG_ID = "order_catalog_id";
    public static final String ORDER_ITEMS_COUNT = "order_items_count";
    public static final String ORDER_ITEM_PREFIX = "order_item_";

    // System messages
    public static final String SYSTEM_TYPE = "system_type";
    /** The customer's new wa_id after a number change. */
    public static final String SYSTEM_NEW_WA_ID = "system_new_wa_id";
    public static final String SYSTEM_CUSTOMER = "system_customer";
    public static final String IDENTITY_ACKNOWLEDGED = "identity_acknowledged";
    public static final String IDENTITY_HASH = "identity_hash";
    public static final String IDENTITY_CREATED_TIMESTAMP = "identity_created_timestamp";

    // Unsupported / unknown messages
    public static final String UNSUPPORTED_TYPE = "unsupported_type";
    public static final String ERROR_CODE = "error_code";
    public static final String ERROR_TITLE = "error_title";
    public static final String ERROR_DETAILS = "error_details";
    /** All error codes, comma-separated, when the message carried more than one error. */
    public static final String ERROR_CODES = "error_codes";

    private WhatsAppAttributes() {
    }
}
