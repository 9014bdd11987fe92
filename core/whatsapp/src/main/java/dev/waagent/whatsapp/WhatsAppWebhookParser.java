package dev.waagent.whatsapp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.ChannelNotice;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.channel.MessageType;
import dev.waagent.whatsapp.internal.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static dev.waagent.whatsapp.WhatsAppAttributes.*;

/**
 * Turns a Meta WhatsApp Cloud API webhook delivery ({@code object = whatsapp_business_account}) into normalized
 * {@link ChannelEvent}s: every entry, every change, every message and status; everything else becomes a
 * {@link ChannelNotice}.
 * <p>
 * Two levels of strictness, on purpose. The envelope ({@code object}, {@code entry[]}, {@code changes[]}) must be
 * right, else {@link MalformedPayloadException} (HTTP 400): such a body did not come from Meta. Inside a genuine
 * delivery nothing fails the whole batch: unknown message types are kept as {@link MessageType#UNKNOWN} with their
 * raw type, and an item that cannot be used (no id, no sender) becomes a notice. Failing a batch of up to 1000
 * updates for one odd item would make Meta redeliver all of them for 7 days.
 * <p>
 * Never re-serialises or logs the body. Thread-safe.
 */
public final class WhatsAppWebhookParser {

    public static final String CHANNEL = "whatsapp";
    public static final String OBJECT_TYPE = "whatsapp_business_account";
    /** Business id used when a change names neither a phone number id nor an account id. */
    public static final String UNKNOWN_BUSINESS = "unknown";

    private static final String MESSAGES_FIELD = "messages";
    /** Scalar fields of non-message changes that are safe and useful in a notice summary (no customer data). */
    private static final List<String> SUMMARY_FIELDS = List.of("event", "decision", "reason", "current_limit", "old_limit",
            "max_daily_conversation_per_phone", "message_template_id", "message_template_name",
            "message_template_language", "previous_category", "new_category", "requested_verified_name",
            "rejection_reason");

    private final TimeSource time;

    /** @param time used only when a message or status carries no usable timestamp */
    public WhatsAppWebhookParser(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    /** The events of a delivery, in order. */
    public List<ChannelEvent> parse(byte[] rawBody) {
        return parseDelivery(rawBody).events();
    }

    /**
     * Parses a delivery into its events and the business numbers and accounts it names.
     *
     * @throws MalformedPayloadException when the body is not JSON, not an object, or not a WhatsApp delivery
     */
    public ParsedDelivery parseDelivery(byte[] rawBody) {
        JsonNode root = readRoot(rawBody);
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new MalformedPayloadException("WhatsApp delivery has no \"entry\" array");
        }
        Collector out = new Collector();
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            if (!entry.isObject()) {
                throw new MalformedPayloadException("entry[" + e + "] is not an object");
            }
            String accountId = Json.nonBlank(entry, "id");
            if (accountId != null) {
                out.accountIds.add(accountId);
            }
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                throw new MalformedPayloadException("entry[" + e + "] has no \"changes\" array");
            }
            for (int c = 0; c < changes.size(); c++) {
                JsonNode change = changes.get(c);
                if (!change.isObject()) {
                    throw new MalformedPayloadException("entry[" + e + "].changes[" + c + "] is not an object");
                }
                parseChange(change, accountId, out);
            }
        }
        return new ParsedDelivery(out.events, out.phoneNumberIds, out.accountIds);
    }

    private static JsonNode readRoot(byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) {
            throw new MalformedPayloadException("webhook body is empty");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(rawBody);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("webhook body is not valid JSON: " + describe(e), e);
        } catch (IOException e) {
            throw new MalformedPayloadException("webhook body cannot be read as JSON", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedPayloadException("webhook body holds no JSON value");
        }
        if (!root.isObject()) {
            throw new MalformedPayloadException("webhook body is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", expected an object");
        }
        String object = Json.text(root, "object");
        if (object == null) {
            throw new MalformedPayloadException("webhook body has no \"object\" field: not a WhatsApp delivery");
        }
        if (!OBJECT_TYPE.equals(object)) {
            throw new MalformedPayloadException("webhook object is \"" + abbreviate(object, 60) + "\", expected \""
                    + OBJECT_TYPE + "\"");
        }
        return root;
    }

    private void parseChange(JsonNode change, String accountId, Collector out) {
        String field = Json.nonBlank(change, "field");
        JsonNode value = Json.object(change, "value");
        String phoneNumberId = Json.nonBlank(Json.object(value, "metadata"), "phone_number_id");
        if (phoneNumberId != null) {
            out.phoneNumberIds.add(phoneNumberId);
        }
        String business = Json.firstNonBlank(phoneNumberId, accountId, UNKNOWN_BUSINESS);
        String label = field == null ? MESSAGES_FIELD : field;
        if (value == null) {
            out.events.add(notice(business, label, label + ": change without a value object", List.of()));
        } else if (MESSAGES_FIELD.equals(label)) {
            // Partial payloads (e.g. SDK test data) omit "field"; their content is still a messages change.
            parseMessagesValue(value, business, out);
        } else {
            out.events.add(notice(business, label, summarize(label, value), channelErrors(Json.array(value, "errors"))));
        }
    }

    private void parseMessagesValue(JsonNode value, String business, Collector out) {
        Contacts contacts = Contacts.of(Json.array(value, "contacts"));
        JsonNode messages = Json.array(value, "messages");
        JsonNode statuses = Json.array(value, "statuses");
        JsonNode errors = Json.array(value, "errors");
        if (messages != null) {
            messages.forEach(message -> out.events.add(message(message, business, contacts)));
        }
        if (statuses != null) {
            statuses.forEach(status -> out.events.add(status(status, business)));
        }
        if (errors != null && !errors.isEmpty()) {
            List<ChannelError> channelErrors = channelErrors(errors);
            out.events.add(notice(business, MESSAGES_FIELD, "value-level errors: "
                    + String.join(",", channelErrors.stream().map(ChannelError::code).toList()), channelErrors));
        }
        if (messages == null && statuses == null && errors == null) {
            out.events.add(notice(business, MESSAGES_FIELD, MESSAGES_FIELD + ": no messages, statuses or errors ("
                    + keys(value) + ")", List.of()));
        }
    }

    // ---------------------------------------------------------------------------------------------------- messages

    private ChannelEvent message(JsonNode message, String business, Contacts contacts) {
        if (!message.isObject()) {
            return notice(business, MESSAGES_FIELD, "skipped a message item that is not an object", List.of());
        }
        String rawType = Json.nonBlank(message, "type");
        String id = Json.nonBlank(message, "id");
        if (id == null) {
            return notice(business, MESSAGES_FIELD, "skipped a message without id (type " + rawType + ")", List.of());
        }
        String from = Json.nonBlank(message, "from");
        String fromUserId = Json.nonBlank(message, "from_user_id");
        Contact contact = contacts.sender(from, fromUserId);
        // wa_id first: it is what replies go to today; the business-scoped user id when the phone is withheld.
        String customerId = Json.firstNonBlank(from, fromUserId, contact == null ? null : contact.userId(),
                contact == null ? null : contact.waId());
        if (customerId == null) {
            return notice(business, MESSAGES_FIELD, "skipped message " + id + ": no sender id", List.of());
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, USER_ID, Json.firstNonBlank(fromUserId, contact == null ? null : contact.userId()));
        if (contact != null) {
            put(attributes, PARENT_USER_ID, contact.parentUserId());
            put(attributes, USERNAME, contact.username());
            if (contact.waId() != null && !contact.waId().equals(customerId)) {
                put(attributes, WA_ID, contact.waId());
            }
        }
        Instant sentAt = Json.epochSeconds(message, "timestamp").orElse(null);
        if (sentAt == null) {
            attributes.put(TIMESTAMP_MISSING, "true");
            sentAt = time.now();
        }
        JsonNode context = Json.object(message, "context");
        contextAttributes(context, attributes);
        referralAttributes(Json.object(message, "referral"), attributes);
        errorAttributes(Json.array(message, "errors"), attributes);

        Content content = content(rawType, message, attributes);
        return new InboundMessage(CHANNEL, business, id, customerId, contact == null ? null : contact.name(),
                content.type(), rawType, content.text(), sentAt, Json.nonBlank(context, "id"), attributes);
    }

    private static Content content(String rawType, JsonNode message, Map<String, String> attributes) {
        if (rawType == null) {
            return new Content(MessageType.UNKNOWN, null);
        }
        return switch (rawType.toLowerCase(Locale.ROOT)) {
            case "text" -> new Content(MessageType.TEXT, Json.text(Json.object(message, "text"), "body"));
            case "image" -> media(MessageType.IMAGE, Json.object(message, rawType), attributes);
            case "audio" -> media(MessageType.AUDIO, Json.object(message, rawType), attributes);
            case "video" -> media(MessageType.VIDEO, Json.object(message, rawType), attributes);
            case "document" -> media(MessageType.DOCUMENT, Json.object(message, rawType), attributes);
            case "sticker" -> media(MessageType.STICKER, Json.object(message, rawType), attributes);
            case "location" -> location(Json.object(message, "location"), attributes);
            case "contacts" -> sharedContacts(Json.array(message, "contacts"), attributes);
            case "interactive" -> interactive(Json.object(message, "interactive"), attributes);
            case "button" -> button(Json.object(message, "button"), attributes);
            case "reaction" -> reaction(Json.object(message, "reaction"), attributes);
            case "order" -> order(Json.object(message, "order"), attributes);
            case "system" -> system(Json.object(message, "system"), Json.object(message, "identity"), attributes);
            case "unsupported" -> {
                put(attributes, UNSUPPORTED_TYPE, Json.nonBlank(Json.object(message, "unsupported"), "type"));
                yield new Content(MessageType.UNSUPPORTED, null);
            }
            case "deleted" -> new Content(MessageType.DELETED, null);
            // "unknown", "request_welcome", future types: kept with their raw type, never dropped.
            default -> new Content(MessageType.UNKNOWN, null);
        };
    }

    private static Content media(MessageType type, JsonNode media, Map<String, String> attributes) {
        put(attributes, MEDIA_ID, Json.nonBlank(media, "id"));
        put(attributes, MIME_TYPE, Json.nonBlank(media, "mime_type"));
        put(attributes, SHA256, Json.nonBlank(media, "sha256"));
        put(attributes, MEDIA_URL, Json.nonBlank(media, "url"));
        put(attributes, FILENAME, Json.nonBlank(media, "filename"));
        put(attributes, VOICE, Json.text(media, "voice"));
        put(attributes, ANIMATED, Json.text(media, "animated"));
        return new Content(type, Json.nonBlank(media, "caption"));
    }

    private static Content location(JsonNode location, Map<String, String> attributes) {
        put(attributes, LATITUDE, Json.text(location, "latitude"));
        put(attributes, LONGITUDE, Json.text(location, "longitude"));
        String name = Json.nonBlank(location, "name");
        String address = Json.nonBlank(location, "address");
        put(attributes, LOCATION_NAME, name);
        put(attributes, LOCATION_ADDRESS, address);
        put(attributes, LOCATION_URL, Json.nonBlank(location, "url"));
        return new Content(MessageType.LOCATION, joinNonBlank(", ", name, address));
    }

    private static Content sharedContacts(JsonNode contacts, Map<String, String> attributes) {
        List<String> names = new ArrayList<>();
        int count = contacts == null ? 0 : contacts.size();
        attributes.put(CONTACTS_COUNT, Integer.toString(count));
        for (int i = 0; i < count; i++) {
            JsonNode contact = contacts.get(i);
            JsonNode name = Json.object(contact, "name");
            String display = Json.firstNonBlank(Json.nonBlank(name, "formatted_name"),
                    joinNonBlank(" ", Json.nonBlank(name, "first_name"), Json.nonBlank(name, "last_name")));
            JsonNode phones = Json.array(contact, "phones");
            JsonNode phone = phones == null || phones.isEmpty() ? null : phones.get(0);
            String prefix = CONTACT_PREFIX + i + "_";
            put(attributes, prefix + "name", display);
            put(attributes, prefix + "phone", Json.nonBlank(phone, "phone"));
            put(attributes, prefix + "wa_id", Json.nonBlank(phone, "wa_id"));
            if (display != null) {
                names.add(display);
            }
        }
        return new Content(MessageType.CONTACTS, names.isEmpty() ? null : String.join(", ", names));
    }

    private static Content interactive(JsonNode interactive, Map<String, String> attributes) {
        String subtype = Json.nonBlank(interactive, "type");
        put(attributes, INTERACTIVE_TYPE, subtype);
        JsonNode reply = subtype == null ? null : Json.object(interactive, subtype);
        if (reply == null) {
            // e.g. Meta's "Unsupported webhook payload" case: type interactive with no interactive object.
            return new Content(MessageType.UNKNOWN, null);
        }
        return switch (subtype) {
            case "button_reply" -> {
                put(attributes, BUTTON_ID, Json.text(reply, "id"));
                yield new Content(MessageType.BUTTON_REPLY, Json.text(reply, "title"));
            }
            case "list_reply" -> {
                put(attributes, LIST_ROW_ID, Json.text(reply, "id"));
                put(attributes, LIST_ROW_DESCRIPTION, Json.nonBlank(reply, "description"));
                yield new Content(MessageType.LIST_REPLY, Json.text(reply, "title"));
            }
            case "nfm_reply" -> {
                put(attributes, FLOW_NAME, Json.nonBlank(reply, "name"));
                put(attributes, FLOW_RESPONSE_JSON, Json.text(reply, "response_json"));
                yield new Content(MessageType.FLOW_REPLY, Json.text(reply, "body"));
            }
            default -> new Content(MessageType.UNKNOWN, null);
        };
    }

    private static Content button(JsonNode button, Map<String, String> attributes) {
        put(attributes, BUTTON_PAYLOAD, Json.text(button, "payload"));
        return new Content(MessageType.BUTTON, Json.text(button, "text"));
    }

    private static Content reaction(JsonNode reaction, Map<String, String> attributes) {
        put(attributes, REACTION_MESSAGE_ID, Json.nonBlank(reaction, "message_id"));
        String emoji = Json.text(reaction, "emoji");
        // Meta signals an un-reaction by an empty emoji or by leaving it out.
        boolean removed = emoji == null || emoji.isEmpty();
        attributes.put(REACTION_REMOVED, Boolean.toString(removed));
        if (!removed) {
            attributes.put(REACTION_EMOJI, emoji);
        }
        return new Content(MessageType.REACTION, removed ? null : emoji);
    }

    private static Content order(JsonNode order, Map<String, String> attributes) {
        put(attributes, ORDER_CATALOG_ID, Json.nonBlank(order, "catalog_id"));
        JsonNode items = Json.array(order, "product_items");
        int count = items == null ? 0 : items.size();
        attributes.put(ORDER_ITEMS_COUNT, Integer.toString(count));
        for (int i = 0; i < count; i++) {
            JsonNode item = items.get(i);
            String prefix = ORDER_ITEM_PREFIX + i + "_";
            put(attributes, prefix + "product_retailer_id", Json.text(item, "product_retailer_id"));
            put(attributes, prefix + "quantity", Json.text(item, "quantity"));
            put(attributes, prefix + "item_price", Json.text(item, "item_price"));
            put(attributes, prefix + "currency", Json.text(item, "currency"));
        }
        return new Content(MessageType.ORDER, Json.nonBlank(order, "text"));
    }

    private static Content system(JsonNode system, JsonNode identity, Map<String, String> attributes) {
        put(attributes, SYSTEM_TYPE, Json.nonBlank(system, "type"));
        put(attributes, SYSTEM_NEW_WA_ID, Json.nonBlank(system, "wa_id"));
        put(attributes, SYSTEM_CUSTOMER, Json.nonBlank(system, "customer"));
        put(attributes, IDENTITY_ACKNOWLEDGED, Json.text(identity, "acknowledged"));
        put(attributes, IDENTITY_HASH, Json.nonBlank(identity, "hash"));
        put(attributes, IDENTITY_CREATED_TIMESTAMP, Json.nonBlank(identity, "created_timestamp"));
        return new Content(MessageType.SYSTEM, Json.text(system, "body"));
    }

    private static void contextAttributes(JsonNode context, Map<String, String> attributes) {
        if (context == null) {
            return;
        }
        put(attributes, CONTEXT_FROM, Json.nonBlank(context, "from"));
        put(attributes, FORWARDED, Json.text(context, "forwarded"));
        put(attributes, FREQUENTLY_FORWARDED, Json.text(context, "frequently_forwarded"));
        JsonNode product = Json.object(context, "referred_product");
        put(attributes, REFERRED_PRODUCT_CATALOG_ID, Json.nonBlank(product, "catalog_id"));
        put(attributes, REFERRED_PRODUCT_RETAILER_ID, Json.nonBlank(product, "product_retailer_id"));
    }

    private static void referralAttributes(JsonNode referral, Map<String, String> attributes) {
        if (referral == null) {
            return;
        }
        put(attributes, REFERRAL_SOURCE_URL, Json.nonBlank(referral, "source_url"));
        put(attributes, REFERRAL_SOURCE_ID, Json.nonBlank(referral, "source_id"));
        put(attributes, REFERRAL_SOURCE_TYPE, Json.nonBlank(referral, "source_type"));
        put(attributes, REFERRAL_HEADLINE, Json.nonBlank(referral, "headline"));
        put(attributes, REFERRAL_BODY, Json.nonBlank(referral, "body"));
        put(attributes, REFERRAL_MEDIA_TYPE, Json.nonBlank(referral, "media_type"));
        put(attributes, REFERRAL_IMAGE_URL, Json.nonBlank(referral, "image_url"));
        put(attributes, REFERRAL_VIDEO_URL, Json.nonBlank(referral, "video_url"));
        put(attributes, REFERRAL_THUMBNAIL_URL, Json.nonBlank(referral, "thumbnail_url"));
        put(attributes, REFERRAL_CTWA_CLID, Json.nonBlank(referral, "ctwa_clid"));
        put(attributes, REFERRAL_WELCOME_MESSAGE, Json.nonBlank(Json.object(referral, "welcome_message"), "text"));
    }

    private static void errorAttributes(JsonNode errors, Map<String, String> attributes) {
        List<ChannelError> list = channelErrors(errors);
        if (list.isEmpty()) {
            return;
        }
        ChannelError first = list.get(0);
        put(attributes, ERROR_CODE, first.code());
        put(attributes, ERROR_TITLE, first.title());
        put(attributes, ERROR_DETAILS, first.detail());
        if (list.size() > 1) {
            attributes.put(ERROR_CODES, String.join(",", list.stream().map(ChannelError::code).toList()));
        }
    }

    // ---------------------------------------------------------------------------------------------------- statuses

    private ChannelEvent status(JsonNode status, String business) {
        if (!status.isObject()) {
            return notice(business, MESSAGES_FIELD, "skipped a status item that is not an object", List.of());
        }
        String messageId = Json.nonBlank(status, "id");
        String rawStatus = Json.nonBlank(status, "status");
        if (messageId == null) {
            return notice(business, MESSAGES_FIELD, "skipped a status without message id (status " + rawStatus + ")",
                    channelErrors(Json.array(status, "errors")));
        }
        // recipient_id is the phone-based id; BSUID-only sends carry recipient_user_id instead.
        String recipient = Json.firstNonBlank(Json.nonBlank(status, "recipient_id"), Json.nonBlank(status, "recipient_user_id"));
        Instant at = Json.epochSeconds(status, "timestamp").orElseGet(time::now);
        return new DeliveryStatusUpdate(CHANNEL, business, messageId, recipient, DeliveryState.fromWireName(rawStatus),
                rawStatus, at, channelErrors(Json.array(status, "errors")));
    }

    // ----------------------------------------------------------------------------------------------------- notices

    private static ChannelNotice notice(String business, String field, String summary, List<ChannelError> errors) {
        return new ChannelNotice(CHANNEL, business, field, summary, errors);
    }

    private static String summarize(String field, JsonNode value) {
        List<String> parts = new ArrayList<>();
        for (String key : SUMMARY_FIELDS) {
            String text = Json.nonBlank(value, key);
            if (text != null) {
                parts.add(key + "=" + abbreviate(text, 80));
            }
        }
        JsonNode ban = Json.object(value, "ban_info");
        if (ban != null) {
            parts.add("waba_ban_state=" + Json.nonBlank(ban, "waba_ban_state"));
        }
        JsonNode restrictions = Json.array(value, "restriction_info");
        if (restrictions != null) {
            Set<String> types = new LinkedHashSet<>();
            restrictions.forEach(r -> types.add(String.valueOf(Json.nonBlank(r, "restriction_type"))));
            parts.add("restrictions=" + String.join(",", types));
        }
        JsonNode groups = Json.array(value, "groups");
        if (groups != null) {
            List<String> described = new ArrayList<>();
            groups.forEach(g -> described.add(Json.nonBlank(g, "type") + "(" + Json.nonBlank(g, "group_id") + ")"));
            parts.add("groups=" + String.join(",", described));
        }
        JsonNode errors = Json.array(value, "errors");
        if (errors != null && !errors.isEmpty()) {
            parts.add("errors=" + String.join(",", channelErrors(errors).stream().map(ChannelError::code).toList()));
        }
        if (parts.isEmpty()) {
            parts.add("(" + keys(value) + ")");
        }
        return field + ": " + String.join(" ", parts);
    }

    private static List<ChannelError> channelErrors(JsonNode errors) {
        if (errors == null) {
            return List.of();
        }
        List<ChannelError> out = new ArrayList<>();
        for (JsonNode error : errors) {
            if (error.isObject()) {
                out.add(GraphApiError.fromErrorObject(error).toChannelError());
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    /** Field names only: safe to log whatever the values are. */
    private static String keys(JsonNode value) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = value.fieldNames();
        it.forEachRemaining(names::add);
        return "keys: " + String.join(",", names);
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null) {
            attributes.put(key, value);
        }
    }

    private static String joinNonBlank(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String message = abbreviate(String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse(""), 160);
        return location == null ? message : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private record Content(MessageType type, String text) {
    }

    private record Contact(String waId, String userId, String parentUserId, String name, String username) {
    }

    /** {@code value.contacts[]}: the profiles of the senders in this change. */
    private record Contacts(List<Contact> all) {

        static Contacts of(JsonNode contacts) {
            List<Contact> all = new ArrayList<>();
            if (contacts != null) {
                for (JsonNode contact : contacts) {
                    JsonNode profile = Json.object(contact, "profile");
                    all.add(new Contact(Json.nonBlank(contact, "wa_id"), Json.nonBlank(contact, "user_id"),
                            Json.nonBlank(contact, "parent_user_id"), Json.nonBlank(profile, "name"),
                            Json.nonBlank(profile, "username")));
                }
            }
            return new Contacts(List.copyOf(all));
        }

        /** The sender's profile: matched by wa_id, then by business-scoped id, else the only profile given. */
        Contact sender(String from, String fromUserId) {
            for (Contact contact : all) {
                if (from != null && from.equals(contact.waId())) {
                    return contact;
                }
            }
            for (Contact contact : all) {
                if (contact.userId() != null && (contact.userId().equals(fromUserId) || contact.userId().equals(from))) {
                    return contact;
                }
            }
            return all.size() == 1 ? all.get(0) : null;
        }
    }

    private static final class Collector {
        final List<ChannelEvent> events = new ArrayList<>();
        final Set<String> phoneNumberIds = new LinkedHashSet<>();
        final Set<String> accountIds = new LinkedHashSet<>();
    }
}
