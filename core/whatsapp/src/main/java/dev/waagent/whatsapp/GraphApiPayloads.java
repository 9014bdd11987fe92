package dev.waagent.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.whatsapp.internal.Json;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON bodies of the Cloud API messages endpoint, as Meta documents them: what {@link GraphApiClient} sends, what
 * the API answers, and a reader for requests so a local stand-in of the API speaks exactly the same shapes.
 */
public final class GraphApiPayloads {

    public static final String MESSAGING_PRODUCT = "whatsapp";
    /** Meta's limit on {@code text.body}. */
    public static final int MAX_TEXT_LENGTH = 4096;

    /** {@code US.13491208655302741918}, {@code US.ENT.11815799212886844830}: country code, dot, opaque id. */
    private static final Pattern BUSINESS_SCOPED_USER_ID = Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]+");

    /** Message content members, for requests that omit {@code type}. */
    private static final List<String> CONTENT_TYPES = List.of("text", "interactive", "template", "image", "audio", "video",
            "document", "sticker", "location", "contacts", "reaction");

    private GraphApiPayloads() {
    }

    /**
     * A text message: {@code messaging_product}, {@code recipient_type: individual}, {@code to} (or {@code recipient}
     * for a business-scoped user id), optional {@code context.message_id}, {@code type: text},
     * {@code text: {preview_url: false, body}}.
     */
    public static ObjectNode textMessage(String customerId, String body, String replyToMessageId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("messaging_product", MESSAGING_PRODUCT);
        root.put("recipient_type", "individual");
        // A customer known only by BSUID (phone withheld) is addressed with "recipient"; "to" is for phone numbers.
        root.put(isBusinessScopedUserId(customerId) ? "recipient" : "to", customerId);
        if (replyToMessageId != null) {
            root.putObject("context").put("message_id", replyToMessageId);
        }
        root.put("type", "text");
        ObjectNode text = root.putObject("text");
        // Links in agent answers must not unfurl into previews the business did not choose.
        text.put("preview_url", false);
        text.put("body", body);
        return root;
    }

    /**
     * Any form of the reply model as Meta documents it (docs-meta/send, openapi-v23/send-request-examples):
     * <ul>
     *   <li>{@link Reply.Text} → {@link #textMessage};</li>
     *   <li>{@link Reply.Buttons} → {@code type: interactive}, {@code interactive: {type: button, header?: {type: text,
     *       text}, body: {text}, footer?: {text}, action: {buttons: [{type: reply, reply: {id, title}}]}}};</li>
     *   <li>{@link Reply.ListMenu} → {@code interactive: {type: list, header?, body, footer?, action: {button,
     *       sections: [{title?, rows: [{id, title, description?}]}]}}};</li>
     *   <li>{@link Reply.Card} without buttons → {@code type: image, image: {link | id, caption?}}; with buttons → an
     *       interactive button message whose header is {@code {type: image, image: {link | id}}} and body the caption;</li>
     *   <li>{@link TemplateMessage} → {@code type: template, template: {name, language: {policy: deterministic, code},
     *       components?: [{type: body, parameters: [{type: text, text}]}]}}.</li>
     * </ul>
     * Builds what it is given: limits are the {@code ReplyRepair}'s job (and {@link GraphRequestCheck}'s to verify).
     */
    public static ObjectNode replyMessage(String customerId, Reply reply, String replyToMessageId) {
        if (reply instanceof Reply.Text text) {
            return textMessage(customerId, text.body(), replyToMessageId);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("messaging_product", MESSAGING_PRODUCT);
        root.put("recipient_type", "individual");
        root.put(isBusinessScopedUserId(customerId) ? "recipient" : "to", customerId);
        if (replyToMessageId != null) {
            root.putObject("context").put("message_id", replyToMessageId);
        }
        if (reply instanceof Reply.Buttons buttons) {
            root.put("type", "interactive");
            ObjectNode interactive = root.putObject("interactive");
            interactive.put("type", "button");
            if (buttons.header() != null) {
                interactive.putObject("header").put("type", "text").put("text", buttons.header());
            }
            interactiveButtons(interactive, buttons.body(), buttons.footer(), buttons.buttons());
        } else if (reply instanceof Reply.ListMenu list) {
            root.put("type", "interactive");
            ObjectNode interactive = root.putObject("interactive");
            interactive.put("type", "list");
            if (list.header() != null) {
                interactive.putObject("header").put("type", "text").put("text", list.header());
            }
            interactive.putObject("body").put("text", list.body());
            if (list.footer() != null) {
                interactive.putObject("footer").put("text", list.footer());
            }
            ObjectNode action = interactive.putObject("action");
            action.put("button", list.buttonLabel());
            ArrayNode sections = action.putArray("sections");
            for (ListSection section : list.sections()) {
                ObjectNode node = sections.addObject();
                if (section.title() != null) {
                    node.put("title", section.title());
                }
                ArrayNode rows = node.putArray("rows");
                for (ListRow row : section.rows()) {
                    ObjectNode rowNode = rows.addObject().put("id", row.id()).put("title", row.title());
                    if (row.description() != null) {
                        rowNode.put("description", row.description());
                    }
                }
            }
        } else if (reply instanceof Reply.Card card) {
            if (card.buttons().isEmpty()) {
                root.put("type", "image");
                ObjectNode image = media(root.putObject("image"), card.image());
                if (!card.caption().isBlank()) {
                    image.put("caption", card.caption());
                }
            } else {
                root.put("type", "interactive");
                ObjectNode interactive = root.putObject("interactive");
                interactive.put("type", "button");
                ObjectNode header = interactive.putObject("header").put("type", "image");
                media(header.putObject("image"), card.image());
                interactiveButtons(interactive, card.caption(), card.footer(), card.buttons());
            }
        } else if (reply instanceof TemplateMessage template) {
            root.put("type", "template");
            ObjectNode node = root.putObject("template");
            node.put("name", template.name());
            // "policy" is optional at Meta but required by the v23.0 OpenAPI LanguageObject; "deterministic" is its only value.
            node.putObject("language").put("policy", "deterministic").put("code", template.language());
            if (!template.bodyParameters().isEmpty()) {
                ObjectNode body = node.putArray("components").addObject().put("type", "body");
                ArrayNode parameters = body.putArray("parameters");
                for (String value : template.bodyParameters()) {
                    parameters.addObject().put("type", "text").put("text", value);
                }
            }
        } else {
            throw new IllegalArgumentException("unknown reply form " + reply.getClass().getName());
        }
        return root;
    }

    private static void interactiveButtons(ObjectNode interactive, String body, String footer, List<ReplyButton> buttons) {
        interactive.putObject("body").put("text", body);
        if (footer != null) {
            interactive.putObject("footer").put("text", footer);
        }
        ArrayNode nodes = interactive.putObject("action").putArray("buttons");
        for (ReplyButton button : buttons) {
            ObjectNode node = nodes.addObject();
            node.put("type", "reply");
            node.putObject("reply").put("id", button.id()).put("title", button.title());
        }
    }

    private static ObjectNode media(ObjectNode node, MediaRef media) {
        if (media.id() != null && !media.id().isBlank()) {
            node.put("id", media.id());
        } else {
            node.put("link", media.link());
        }
        return node;
    }

    /** Marks a message (and earlier ones) read; with {@code showTyping}, also shows the typing indicator. */
    public static ObjectNode readReceipt(String messageId, boolean showTyping) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("messaging_product", MESSAGING_PRODUCT);
        root.put("status", "read");
        root.put("message_id", messageId);
        if (showTyping) {
            root.putObject("typing_indicator").put("type", "text");
        }
        return root;
    }

    /** The answer to an accepted message: {@code {"messaging_product","contacts":[{"input","wa_id"|"user_id"}],"messages":[{"id"}]}}. */
    public static ObjectNode messageAccepted(String input, String messageId) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("messaging_product", MESSAGING_PRODUCT);
        ObjectNode contact = root.putArray("contacts").addObject();
        contact.put("input", input);
        if (isBusinessScopedUserId(input)) {
            contact.put("user_id", input);
        } else {
            contact.put("wa_id", input.startsWith("+") ? input.substring(1) : input);
        }
        root.putArray("messages").addObject().put("id", messageId);
        return root;
    }

    /** {@code {"success":true}}, the answer to a read receipt. */
    public static ObjectNode success() {
        return Json.MAPPER.createObjectNode().put("success", true);
    }

    public static byte[] toBytes(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a Graph API payload", e);
        }
    }

    /** {@code messages[0].id} of a send response, if there is one. */
    public static Optional<String> sentMessageId(JsonNode response) {
        JsonNode messages = Json.array(response, "messages");
        if (messages == null || messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Json.nonBlank(messages.get(0), "id"));
    }

    /** Whether a response is {@code {"success": true}}. */
    public static boolean isSuccess(JsonNode response) {
        JsonNode success = response == null ? null : response.get("success");
        return success != null && success.isBoolean() && success.booleanValue();
    }

    /**
     * Meta documents {@code type} as optional with {@code text} as default, and some of its own examples omit it
     * next to another content object (e.g. {@code interactive}): the single content member present decides.
     */
    static String inferredType(JsonNode root) {
        for (String candidate : CONTENT_TYPES) {
            if (root.has(candidate)) {
                return candidate;
            }
        }
        return "text";
    }

    /** Whether a customer id is a business-scoped user id rather than a phone number. */
    public static boolean isBusinessScopedUserId(String customerId) {
        return customerId != null && BUSINESS_SCOPED_USER_ID.matcher(customerId).matches();
    }

    /**
     * Reads a messages-endpoint request body.
     *
     * @throws MalformedPayloadException when Meta would refuse it as an invalid parameter (error 100): not JSON, not
     *                                   {@code messaging_product: whatsapp}, no recipient, or a type without its content
     */
    public static GraphSendRequest parseSendRequest(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new MalformedPayloadException("request body is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("request body is not a JSON object");
        }
        if (!MESSAGING_PRODUCT.equals(Json.text(root, "messaging_product"))) {
            throw new MalformedPayloadException("messaging_product must be \"whatsapp\"");
        }
        if (root.has("status")) {
            String status = Json.text(root, "status");
            String messageId = Json.nonBlank(root, "message_id");
            if (!"read".equals(status) || messageId == null) {
                throw new MalformedPayloadException("a status update must be {\"status\":\"read\",\"message_id\":…}");
            }
            String typing = Json.nonBlank(Json.object(root, "typing_indicator"), "type");
            return new GraphSendRequest(GraphSendRequest.Kind.READ_RECEIPT, null, null, null, null, null, false, null,
                    messageId, typing, root);
        }
        String to = Json.nonBlank(root, "to");
        String recipient = Json.nonBlank(root, "recipient");
        if (to == null && recipient == null) {
            throw new MalformedPayloadException("a message needs \"to\" or \"recipient\"");
        }
        String type = Json.firstNonBlank(Json.text(root, "type"), inferredType(root));
        JsonNode content = root.get(type);
        // Every type carries an object named after it, except contacts, which is an array.
        if (content == null || !(content.isObject() || content.isArray())) {
            throw new MalformedPayloadException("a message of type " + type + " needs a \"" + type + "\" member");
        }
        JsonNode text = Json.object(root, "text");
        String textBody = "text".equals(type) ? Json.text(text, "body") : null;
        if ("text".equals(type) && (textBody == null || textBody.isEmpty())) {
            throw new MalformedPayloadException("a text message needs text.body");
        }
        JsonNode previewUrl = text == null ? null : text.get("preview_url");
        return new GraphSendRequest(GraphSendRequest.Kind.MESSAGE, to, recipient,
                Json.firstNonBlank(Json.text(root, "recipient_type"), "individual"), type, textBody,
                previewUrl != null && previewUrl.asBoolean(false),
                Json.nonBlank(Json.object(root, "context"), "message_id"), null, null, root);
    }
}
