package dev.waagent.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.twilio.internal.Json;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The wire format of Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}): the
 * form {@link TwilioMessagingClient} sends, the JSON Twilio answers, and readers for both so that a local stand-in of
 * the API and the tests speak exactly the same shapes.
 */
public final class TwilioMessagesApi {

    /** Twilio's limit on {@code Body} for WhatsApp (and concatenated SMS), in characters. */
    public static final int MAX_BODY_LENGTH = 1600;

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9A-Za-z]{32}");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private TwilioMessagesApi() {
    }

    /** A create request as read by a stand-in: the addresses as sent ({@code whatsapp:+…}) and the other parameters. */
    public record CreateRequest(String to, String from, String messagingServiceSid, String body, String statusCallback,
                                Map<String, List<String>> params) {
    }

    /** {@code /2010-04-01/Accounts/{accountSid}/Messages.json}. */
    public static String messagesPath(String accountSid) {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("account SID must be AC followed by 32 characters");
        }
        return "/" + TwilioApiSettings.API_VERSION + "/Accounts/" + accountSid + "/Messages.json";
    }

    /**
     * The form parameters of a text message: {@code To}, then {@code From} (or {@code MessagingServiceSid} when the
     * sender is a messaging service {@code MG…}), {@code Body}, and {@code StatusCallback} when given.
     */
    public static Map<String, String> textMessage(String fromAddress, String toAddress, String body, URI statusCallback) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", toAddress);
        if (fromAddress.startsWith("MG")) {
            params.put("MessagingServiceSid", fromAddress);
        } else {
            params.put("From", fromAddress);
        }
        params.put("Body", body);
        if (statusCallback != null) {
            params.put("StatusCallback", statusCallback.toString());
        }
        return params;
    }

    /** The {@code sid} of a message resource (the answer to a create), if there is one. */
    public static Optional<String> sid(JsonNode messageResource) {
        return Optional.ofNullable(Json.text(messageResource, "sid"));
    }

    /**
     * Reads a create request body as Twilio would.
     *
     * @throws MalformedPayloadException when Twilio would refuse it as a bad request: no {@code To}, no sender
     *                                   ({@code From} or {@code MessagingServiceSid}), or no content
     */
    public static CreateRequest parseCreateRequest(byte[] formBody) {
        Map<String, List<String>> params = FormEncoding.decode(formBody);
        String to = first(params, "To");
        String from = first(params, "From");
        String service = first(params, "MessagingServiceSid");
        String body = first(params, "Body");
        if (to == null) {
            throw new MalformedPayloadException("a message needs To");
        }
        if (from == null && service == null) {
            throw new MalformedPayloadException("a message needs From or MessagingServiceSid");
        }
        if (body == null && first(params, "MediaUrl") == null && first(params, "ContentSid") == null) {
            throw new MalformedPayloadException("a message needs Body, MediaUrl or ContentSid");
        }
        return new CreateRequest(to, from, service, body, first(params, "StatusCallback"), params);
    }

    /** A new message SID as Twilio writes them: {@code SM} + 32 hex digits. */
    public static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The message resource Twilio answers a create with (HTTP 201), status {@code queued}. */
    public static byte[] messageResource(String accountSid, String sid, CreateRequest request, Instant created) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        String date = RFC_2822.format(created);
        String uri = messagesPath(accountSid).replace("/Messages.json", "/Messages/" + sid + ".json");
        root.put("account_sid", accountSid);
        root.put("api_version", TwilioApiSettings.API_VERSION);
        root.put("body", request.body());
        root.put("date_created", date);
        root.putNull("date_sent");
        root.put("date_updated", date);
        root.put("direction", "outbound-api");
        root.putNull("error_code");
        root.putNull("error_message");
        root.put("from", request.from());
        root.put("messaging_service_sid", request.messagingServiceSid());
        root.put("num_media", "0");
        root.put("num_segments", "1");
        root.putNull("price");
        root.putNull("price_unit");
        root.put("sid", sid);
        root.put("status", "queued");
        root.putObject("subresource_uris").put("media", uri.replace(".json", "/Media.json"));
        root.put("to", request.to());
        root.put("uri", uri);
        return toBytes(root);
    }

    /** Twilio's error body: {@code {"code","message","more_info","status"}}. */
    public static byte[] error(int code, String message, int httpStatus) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("code", code);
        root.put("message", message);
        root.put("more_info", TwilioErrorCodes.moreInfo(Integer.toString(code)));
        root.put("status", httpStatus);
        return toBytes(root);
    }

    private static byte[] toBytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a Twilio payload", e);
        }
    }

    /** Reads a JSON body; {@code null} when it is not a JSON object. */
    static JsonNode readObject(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body == null ? new byte[0] : body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
