package dev.waagent.twilio;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.channel.MessageType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.waagent.twilio.TwilioAttributes.*;

/**
 * Turns one Twilio Messaging webhook request (a WhatsApp message to a business number, or a status callback about a
 * message the business sent) into normalized {@link ChannelEvent}s, always exactly one.
 * <p>
 * Both wire forms go through {@link #parse(Map)}: the raw {@code application/x-www-form-urlencoded} body
 * ({@link #parse(byte[])}) and parameter sets already decoded elsewhere (e.g. JSON dumps of the same parameters).
 * Only the first value of a parameter is read; Twilio sends each once.
 * <p>
 * <b>Which kind.</b> A request with {@code MessageStatus} (other than {@code received}/{@code receiving}) is a status
 * callback; anything else is an inbound message.
 * <p>
 * <b>Inbound message.</b> {@code businessNumberId} = {@code To} without {@code whatsapp:} ({@code +14155238886});
 * {@code customerId} = {@code WaId}, else {@code From} as a customer id (see {@link TwilioAddresses}: digits without
 * {@code +}, or the business-scoped user id of a BSUID-only sender); {@code messageId} = {@code MessageSid}
 * ({@code SmsMessageSid}, {@code SmsSid} for older bodies); {@code customerName} = {@code ProfileName};
 * {@code replyToMessageId} = {@code OriginalRepliedMessageSid}. Twilio sends no timestamp, so {@code sentAt} is the
 * receive time from the injected clock. The kind is decided in this order: list reply ({@code ListId}), button
 * ({@code ButtonPayload}/{@code ButtonText}: {@code BUTTON_REPLY} when {@code MessageType=interactive}, else the
 * template quick-reply {@code BUTTON}), flow reply ({@code FlowData}), location ({@code MessageType=location} or
 * {@code Latitude}+{@code Longitude}), media ({@code NumMedia}/{@code MediaUrl{N}}, typed by
 * {@code MediaContentType{N}}, else by the URL's extension), another named {@code MessageType}, text ({@code Body}),
 * else {@code UNKNOWN}. Keys of the attributes are in {@link TwilioAttributes}.
 * <p>
 * <b>Status callback.</b> {@code businessNumberId} = {@code From} (the business sent it), {@code recipientId} =
 * {@code To} as a customer id, state from {@code MessageStatus}, {@code ErrorCode} (e.g. 63016, 63018) as a
 * {@link ChannelError}.
 * <p>
 * When the request names no business number (test dumps without {@code To}/{@code From}), the
 * {@code MessagingServiceSid}, then the {@code AccountSid}, then {@link #UNKNOWN_BUSINESS} stands in: such events
 * route to no tenant unless one registered that id.
 * <p>
 * A request without a message SID, or an inbound one without a sender, is malformed: Twilio never sends one.
 * Never logs; thread-safe.
 */
public final class TwilioWebhookParser {

    public static final String CHANNEL = "twilio";
    public static final String UNKNOWN_BUSINESS = "unknown";

    private static final Set<String> INBOUND_STATUSES = Set.of("received", "receiving");
    private static final Set<String> MEDIA_TYPE_NAMES = Set.of("image", "audio", "video", "document", "sticker");
    private static final int MAX_MEDIA = 100;

    private final TimeSource time;

    /** @param time gives {@code sentAt} of inbound messages and {@code at} of statuses (Twilio sends no timestamp) */
    public TwilioWebhookParser(TimeSource time) {
        this.time = Objects.requireNonNull(time, "time");
    }

    /**
     * Parses a form-encoded webhook body.
     *
     * @throws MalformedPayloadException when the body is empty, not form-encoded UTF-8, or not a message/status
     */
    public List<ChannelEvent> parse(byte[] formBody) {
        if (formBody == null || formBody.length == 0) {
            throw new MalformedPayloadException("webhook body is empty");
        }
        return parse(FormEncoding.decode(formBody));
    }

    /**
     * Parses decoded webhook parameters.
     *
     * @throws MalformedPayloadException when the parameters carry no message SID, or an inbound message no sender
     */
    public List<ChannelEvent> parse(Map<String, List<String>> params) {
        Objects.requireNonNull(params, "params");
        if (params.isEmpty()) {
            throw new MalformedPayloadException("webhook carries no parameters");
        }
        Params p = new Params(params);
        return List.of(isStatusCallback(params) ? status(p) : inbound(p));
    }

    /** Whether the parameters are a status callback (about an outbound message) rather than an inbound message. */
    public static boolean isStatusCallback(Map<String, List<String>> params) {
        String status = new Params(params).text("MessageStatus");
        return status != null && !INBOUND_STATUSES.contains(status.toLowerCase(Locale.ROOT));
    }

    /**
     * The business number the request belongs to, to find the tenant (and its auth token) before the signature is
     * checked: {@code To} of an inbound message, {@code From} of a status callback, else the messaging service SID,
     * the account SID, or {@link #UNKNOWN_BUSINESS}.
     */
    public static String businessNumberId(Map<String, List<String>> params) {
        Params p = new Params(params);
        String address = isStatusCallback(params) ? p.text("From") : p.text("To");
        return firstNonBlank(TwilioAddresses.businessNumber(address), p.text("MessagingServiceSid"), p.text("AccountSid"),
                UNKNOWN_BUSINESS);
    }

    private DeliveryStatusUpdate status(Params p) {
        String messageId = messageId(p);
        String rawStatus = p.text("MessageStatus");
        List<ChannelError> errors = new ArrayList<>();
        String errorCode = p.text("ErrorCode");
        if (errorCode != null && !errorCode.equals("0")) {
            errors.add(TwilioErrorCodes.toChannelError(errorCode, p.text("ErrorMessage")));
        }
        return new DeliveryStatusUpdate(CHANNEL, businessNumberId(p.all), messageId,
                TwilioAddresses.customerId(p.text("To")), state(rawStatus), rawStatus, time.now(), errors);
    }

    /** Twilio's status names; {@code scheduled} is not sent yet, {@code canceled} never will be. */
    static DeliveryState state(String rawStatus) {
        if (rawStatus == null) {
            return DeliveryState.UNKNOWN;
        }
        return switch (rawStatus.toLowerCase(Locale.ROOT)) {
            case "scheduled" -> DeliveryState.PENDING;
            case "canceled" -> DeliveryState.FAILED;
            default -> DeliveryState.fromWireName(rawStatus);
        };
    }

    private InboundMessage inbound(Params p) {
        String messageId = messageId(p);
        String from = p.text("From");
        String customerId = firstNonBlank(p.text("WaId"), TwilioAddresses.customerId(from));
        if (customerId == null) {
            throw new MalformedPayloadException("inbound message names no sender (From or WaId)");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, CHANNEL_PREFIX, TwilioAddresses.channelOf(from));
        put(attributes, ACCOUNT_SID, p.text("AccountSid"));
        put(attributes, MESSAGING_SERVICE_SID, p.text("MessagingServiceSid"));
        put(attributes, USER_ID, TwilioAddresses.withoutChannel(p.text("ExternalUserId")));
        put(attributes, PARENT_USER_ID, TwilioAddresses.withoutChannel(p.text("ParentExternalUserId")));
        put(attributes, USERNAME, p.text("ProfileUsername"));
        put(attributes, FORWARDED, flag(p.text("Forwarded")));
        put(attributes, FREQUENTLY_FORWARDED, flag(p.text("FrequentlyForwarded")));
        put(attributes, CONTEXT_FROM, TwilioAddresses.customerId(p.text("OriginalRepliedMessageSender")));
        referral(p, attributes);

        Content content = content(p, attributes);
        return new InboundMessage(CHANNEL, businessNumberId(p.all), messageId, customerId, p.text("ProfileName"),
                content.type(), content.rawType(), content.text(), time.now(), p.text("OriginalRepliedMessageSid"),
                attributes);
    }

    private record Content(MessageType type, String rawType, String text) {
    }

    private static Content content(Params p, Map<String, String> attributes) {
        String declared = p.text("MessageType");
        String rawType = declared == null ? null : declared.toLowerCase(Locale.ROOT);
        String body = p.raw("Body");
        String text = body == null || body.isBlank() ? null : body;

        String listId = p.text("ListId");
        if (listId != null) {
            put(attributes, LIST_ROW_ID, listId);
            put(attributes, LIST_ROW_DESCRIPTION, p.text("ListDescription"));
            return new Content(MessageType.LIST_REPLY, orDefault(rawType, "interactive"), firstNonBlank(p.text("ListTitle"), text));
        }
        String buttonPayload = p.text("ButtonPayload");
        String buttonText = p.text("ButtonText");
        if (buttonPayload != null || buttonText != null) {
            put(attributes, BUTTON_PAYLOAD, buttonPayload);
            put(attributes, BUTTON_TEXT, buttonText);
            put(attributes, BUTTON_TYPE, p.text("ButtonType"));
            if ("interactive".equals(rawType)) {
                put(attributes, BUTTON_ID, buttonPayload);
                return new Content(MessageType.BUTTON_REPLY, rawType, firstNonBlank(buttonText, text));
            }
            return new Content(MessageType.BUTTON, orDefault(rawType, "button"), firstNonBlank(buttonText, text));
        }
        String flowData = p.text("FlowData");
        if (flowData != null) {
            put(attributes, FLOW_RESPONSE_JSON, flowData);
            return new Content(MessageType.FLOW_REPLY, orDefault(rawType, "interactive"), text);
        }
        put(attributes, INTERACTIVE_DATA, p.text("InteractiveData"));

        String latitude = p.text("Latitude");
        String longitude = p.text("Longitude");
        if ("location".equals(rawType) || (latitude != null && longitude != null)) {
            put(attributes, LATITUDE, latitude);
            put(attributes, LONGITUDE, longitude);
            String label = p.text("Label");
            String address = p.text("Address");
            put(attributes, LOCATION_NAME, label);
            put(attributes, LOCATION_ADDRESS, address);
            return new Content(MessageType.LOCATION, orDefault(rawType, "location"), firstNonBlank(label, address, text));
        }

        List<Media> media = media(p);
        if (!media.isEmpty() || (rawType != null && MEDIA_TYPE_NAMES.contains(rawType))) {
            put(attributes, MEDIA_COUNT, Integer.toString(media.size()));
            for (int i = 0; i < media.size(); i++) {
                put(attributes, MEDIA_ITEM_PREFIX + i + "_url", media.get(i).url());
                put(attributes, MEDIA_ITEM_PREFIX + i + "_" + MIME_TYPE, media.get(i).contentType());
            }
            if (!media.isEmpty()) {
                put(attributes, MEDIA_URL, media.get(0).url());
                put(attributes, MIME_TYPE, media.get(0).contentType());
            }
            MessageType type = media.isEmpty() ? MessageType.fromWireName(rawType) : mediaType(media.get(0), rawType);
            return new Content(type, orDefault(rawType, type.wireName()), text);
        }

        if (rawType != null && !rawType.equals("text")) {
            return new Content(MessageType.fromWireName(rawType), rawType, text);
        }
        if (text != null) {
            return new Content(MessageType.TEXT, "text", text);
        }
        return new Content(MessageType.UNKNOWN, orDefault(rawType, "empty"), null);
    }

    private record Media(String url, String contentType) {
    }

    /** {@code MediaUrl0…MediaUrl{NumMedia-1}}; without a usable {@code NumMedia}, as many as are numbered from 0. */
    private static List<Media> media(Params p) {
        String declared = p.text("NumMedia");
        int count;
        if (declared == null) {
            count = MAX_MEDIA;
        } else {
            try {
                count = Integer.parseInt(declared);
            } catch (NumberFormatException e) {
                throw new MalformedPayloadException("NumMedia is not a number");
            }
            if (count < 0 || count > MAX_MEDIA) {
                throw new MalformedPayloadException("NumMedia is out of range");
            }
        }
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = p.text("MediaUrl" + i);
            if (url == null) {
                if (declared == null) {
                    break;
                }
                continue;
            }
            media.add(new Media(url, p.text("MediaContentType" + i)));
        }
        return media;
    }

    /** By content type; without one, by the declared type or the URL's extension; anything else is a document. */
    private static MessageType mediaType(Media media, String rawType) {
        String contentType = media.contentType() == null ? null : media.contentType().toLowerCase(Locale.ROOT);
        if (contentType == null) {
            if (rawType != null && MEDIA_TYPE_NAMES.contains(rawType)) {
                return MessageType.fromWireName(rawType);
            }
            contentType = guessFromName(media.url());
        }
        if ("sticker".equals(rawType)) {
            return MessageType.STICKER;
        }
        if (contentType.startsWith("image/")) {
            return MessageType.IMAGE;
        }
        if (contentType.startsWith("audio/")) {
            return MessageType.AUDIO;
        }
        if (contentType.startsWith("video/")) {
            return MessageType.VIDEO;
        }
        if (contentType.equals("text/vcard") || contentType.equals("text/x-vcard")) {
            return MessageType.CONTACTS;
        }
        return MessageType.DOCUMENT;
    }

    private static String guessFromName(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int cut = path.indexOf('?');
        path = cut >= 0 ? path.substring(0, cut) : path;
        String extension = path.lastIndexOf('.') >= 0 ? path.substring(path.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "jpg", "jpeg", "png", "gif", "webp" -> "image/" + extension;
            case "mp3", "ogg", "opus", "amr", "aac", "m4a" -> "audio/" + extension;
            case "mp4", "3gp", "mov" -> "video/" + extension;
            case "vcf" -> "text/vcard";
            default -> "application/octet-stream";
        };
    }

    /** Every non-blank {@code Referral*} parameter; {@code ReferralNumMedia=0} says nothing and is left out. */
    private static void referral(Params p, Map<String, String> attributes) {
        for (String name : p.all.keySet()) {
            if (!name.startsWith("Referral") || name.length() == "Referral".length()) {
                continue;
            }
            String value = p.text(name);
            if (value == null || (name.equals("ReferralNumMedia") && value.equals("0"))) {
                continue;
            }
            put(attributes, REFERRAL_PREFIX + snakeCase(name.substring("Referral".length())), value);
        }
    }

    /** {@code CtwaClid} → {@code ctwa_clid}. */
    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String messageId(Params p) {
        String id = firstNonBlank(p.text("MessageSid"), p.text("SmsMessageSid"), p.text("SmsSid"));
        if (id == null) {
            throw new MalformedPayloadException("webhook carries no MessageSid: not a Twilio message or status callback");
        }
        return id;
    }

    private static String flag(String value) {
        return value == null ? null : Boolean.toString(Boolean.parseBoolean(value));
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** First values of the parameters. */
    private record Params(Map<String, List<String>> all) {

        /** The first value as sent, or {@code null}. */
        String raw(String name) {
            List<String> values = all.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The first value stripped, or {@code null} when absent or blank. */
        String text(String name) {
            String value = raw(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
