package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waagent.domain.reply.WhatsAppLimits;
import dev.waagent.whatsapp.internal.Json;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a messages-endpoint request body against Meta's limits the way the Cloud API does, and says what Meta would
 * answer: {@code (#100)} for a missing or over-long parameter of a text message, {@code (#131009) Parameter value is not
 * valid} for interactive, media and template values. Covers what the agent sends (text, reply buttons, lists, images,
 * templates, read receipts); other types (audio, location, flows, catalog…) pass with their content present.
 * <p>
 * Used by {@link GraphApiClient#sendReply} as a last guard (a request that fails here is never sent) and by local
 * stand-ins of the API to refuse what Meta would refuse. The detail texts name the parameter and the limit; they are
 * this project's wording, in Meta's bracket notation, not quotes of Meta's.
 */
public final class GraphRequestCheck {

    /** Meta's code for a value outside its limits. */
    public static final int PARAMETER_VALUE_NOT_VALID = 131009;

    private static final Pattern TEMPLATE_PARAMETER_WHITESPACE = Pattern.compile("[\\n\\r\\t]| {5,}");

    private GraphRequestCheck() {
    }

    /** What Meta would answer instead of accepting {@code request}; empty when it would accept it. */
    public static Optional<GraphApiError> check(JsonNode request) {
        try {
            checkRequest(request);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.error);
        }
    }

    private static void checkRequest(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw missing("messaging_product");
        }
        if (!GraphApiPayloads.MESSAGING_PRODUCT.equals(Json.text(root, "messaging_product"))) {
            throw missing("messaging_product");
        }
        if (root.has("status")) {
            if (!"read".equals(Json.text(root, "status")) || Json.nonBlank(root, "message_id") == null) {
                throw missing("message_id");
            }
            JsonNode typing = Json.object(root, "typing_indicator");
            if (root.has("typing_indicator") && (typing == null || !"text".equals(Json.text(typing, "type")))) {
                throw invalid("typing_indicator['type']", "must be text");
            }
            return;
        }
        if (Json.nonBlank(root, "to") == null && Json.nonBlank(root, "recipient") == null) {
            throw missing("to");
        }
        String type = Json.firstNonBlank(Json.text(root, "type"), GraphApiPayloads.inferredType(root));
        switch (type) {
            case "text" -> text(root);
            case "interactive" -> interactive(Json.object(root, "interactive"));
            case "image" -> media("image", Json.object(root, "image"), true);
            case "template" -> template(Json.object(root, "template"));
            default -> {
                JsonNode content = root.get(type);
                if (content == null || !(content.isObject() || content.isArray())) {
                    throw missing(type);
                }
            }
        }
    }

    private static void text(JsonNode root) {
        String body = Json.text(Json.object(root, "text"), "body");
        if (body == null || body.isEmpty()) {
            throw missing("text['body']");
        }
        if (body.length() > WhatsAppLimits.TEXT_BODY) {
            throw new Refused(GraphApiError.of(GraphApiError.INVALID_PARAMETER, "OAuthException",
                    "(#100) Param text['body'] must be at most " + WhatsAppLimits.TEXT_BODY + " characters long.", null));
        }
    }

    private static void interactive(JsonNode interactive) {
        if (interactive == null) {
            throw missing("interactive");
        }
        String kind = Json.nonBlank(interactive, "type");
        if (kind == null) {
            throw missing("interactive['type']");
        }
        JsonNode action = Json.object(interactive, "action");
        if (action == null) {
            throw missing("interactive['action']");
        }
        if (!kind.equals("button") && !kind.equals("list")) {
            return;
        }
        JsonNode header = Json.object(interactive, "header");
        if (header != null) {
            String headerType = Json.text(header, "type");
            if ("text".equals(headerType)) {
                limited("interactive['header']['text']", Json.text(header, "text"), WhatsAppLimits.HEADER_TEXT);
            } else if (kind.equals("button") && ("image".equals(headerType) || "video".equals(headerType) || "document".equals(headerType))) {
                media("interactive['header']['" + headerType + "']", Json.object(header, headerType), false);
            } else {
                throw invalid("interactive['header']['type']", "is not allowed for " + kind + " messages");
            }
        }
        JsonNode body = Json.object(interactive, "body");
        if (body == null) {
            throw missing("interactive['body']");
        }
        limited("interactive['body']['text']", Json.text(body, "text"), WhatsAppLimits.INTERACTIVE_BODY);
        JsonNode footer = Json.object(interactive, "footer");
        if (footer != null) {
            limited("interactive['footer']['text']", Json.text(footer, "text"), WhatsAppLimits.FOOTER_TEXT);
        }
        if (kind.equals("button")) {
            buttons(action);
        } else {
            list(action);
        }
    }

    private static void buttons(JsonNode action) {
        JsonNode buttons = Json.array(action, "buttons");
        if (buttons == null || buttons.isEmpty() || buttons.size() > WhatsAppLimits.MAX_BUTTONS) {
            throw invalid("interactive['action']['buttons']", "must have 1 to " + WhatsAppLimits.MAX_BUTTONS + " buttons");
        }
        Set<String> titles = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String at = "interactive['action']['buttons'][" + i + "]";
            JsonNode button = buttons.get(i);
            if (!"reply".equals(Json.text(button, "type"))) {
                throw invalid(at + "['type']", "must be reply");
            }
            JsonNode reply = Json.object(button, "reply");
            String title = Json.text(reply, "title");
            String id = Json.text(reply, "id");
            limited(at + "['reply']['title']", title, WhatsAppLimits.BUTTON_TITLE);
            identifier(at + "['reply']['id']", id, WhatsAppLimits.BUTTON_ID);
            if (!titles.add(title.strip().toLowerCase(Locale.ROOT))) {
                throw invalid(at + "['reply']['title']", "must be unique");
            }
            if (!ids.add(id)) {
                throw invalid(at + "['reply']['id']", "must be unique");
            }
        }
    }

    private static void list(JsonNode action) {
        limited("interactive['action']['button']", Json.text(action, "button"), WhatsAppLimits.LIST_BUTTON_LABEL);
        JsonNode sections = Json.array(action, "sections");
        if (sections == null || sections.isEmpty() || sections.size() > WhatsAppLimits.MAX_SECTIONS) {
            throw invalid("interactive['action']['sections']", "must have 1 to " + WhatsAppLimits.MAX_SECTIONS + " sections");
        }
        int total = 0;
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            String at = "interactive['action']['sections'][" + s + "]";
            JsonNode section = sections.get(s);
            String title = Json.text(section, "title");
            if (sections.size() > 1 || title != null) {
                limited(at + "['title']", title, WhatsAppLimits.SECTION_TITLE);
            }
            JsonNode rows = Json.array(section, "rows");
            if (rows == null || rows.isEmpty()) {
                throw invalid(at + "['rows']", "must have at least 1 row");
            }
            total += rows.size();
            for (int r = 0; r < rows.size(); r++) {
                String rowAt = at + "['rows'][" + r + "]";
                JsonNode row = rows.get(r);
                limited(rowAt + "['title']", Json.text(row, "title"), WhatsAppLimits.ROW_TITLE);
                identifier(rowAt + "['id']", Json.text(row, "id"), WhatsAppLimits.ROW_ID);
                if (row.has("description")) {
                    limited(rowAt + "['description']", Json.text(row, "description"), WhatsAppLimits.ROW_DESCRIPTION);
                }
                if (!ids.add(Json.text(row, "id"))) {
                    throw invalid(rowAt + "['id']", "must be unique");
                }
            }
        }
        if (total > WhatsAppLimits.MAX_LIST_ROWS) {
            throw invalid("interactive['action']['sections']", "must have at most " + WhatsAppLimits.MAX_LIST_ROWS + " rows in total");
        }
    }

    private static void media(String param, JsonNode media, boolean captionAllowed) {
        if (media == null) {
            throw missing(param);
        }
        boolean hasId = Json.nonBlank(media, "id") != null;
        boolean hasLink = Json.nonBlank(media, "link") != null;
        if (hasId == hasLink) {
            throw invalid(param, "needs exactly one of id or link");
        }
        if (hasLink) {
            String link = Json.text(media, "link").toLowerCase(Locale.ROOT);
            if (!(link.startsWith("https://") || link.startsWith("http://"))) {
                throw invalid(param + "['link']", "must be an http(s) URL");
            }
        }
        if (media.has("caption")) {
            if (!captionAllowed) {
                throw invalid(param + "['caption']", "is not allowed here");
            }
            String caption = Json.text(media, "caption");
            if (caption == null || caption.length() > WhatsAppLimits.MEDIA_CAPTION) {
                throw invalid(param + "['caption']", "must be at most " + WhatsAppLimits.MEDIA_CAPTION + " characters long");
            }
        }
    }

    private static void template(JsonNode template) {
        if (template == null) {
            throw missing("template");
        }
        String name = Json.nonBlank(template, "name");
        if (name == null) {
            throw missing("template['name']");
        }
        if (Json.nonBlank(Json.object(template, "language"), "code") == null) {
            throw missing("template['language']['code']");
        }
        JsonNode components = Json.array(template, "components");
        if (components == null) {
            return;
        }
        for (int c = 0; c < components.size(); c++) {
            JsonNode parameters = Json.array(components.get(c), "parameters");
            if (parameters == null) {
                continue;
            }
            for (int p = 0; p < parameters.size(); p++) {
                JsonNode parameter = parameters.get(p);
                if (!"text".equals(Json.text(parameter, "type"))) {
                    continue;
                }
                String at = "template['components'][" + c + "]['parameters'][" + p + "]['text']";
                String value = Json.text(parameter, "text");
                if (value == null || value.isBlank()) {
                    throw missing(at);
                }
                if (value.length() > WhatsAppLimits.TEMPLATE_TEXT_PARAMETER) {
                    throw invalid(at, "must be at most " + WhatsAppLimits.TEMPLATE_TEXT_PARAMETER + " characters long");
                }
                if (TEMPLATE_PARAMETER_WHITESPACE.matcher(value).find()) {
                    throw invalid(at, "cannot have new-line/tab characters or more than 4 consecutive spaces");
                }
            }
        }
    }

    private static void limited(String param, String value, int max) {
        if (value == null || value.isBlank()) {
            throw missing(param);
        }
        if (value.length() > max) {
            throw invalid(param, "must be at most " + max + " characters long");
        }
    }

    private static void identifier(String param, String value, int max) {
        limited(param, value, max);
        if (!value.strip().equals(value)) {
            throw invalid(param, "cannot have leading or trailing spaces");
        }
    }

    private static Refused missing(String param) {
        return new Refused(GraphApiError.of(GraphApiError.INVALID_PARAMETER, "OAuthException",
                "(#100) The parameter " + param + " is required.", null));
    }

    private static Refused invalid(String param, String what) {
        return new Refused(new GraphApiError(PARAMETER_VALUE_NOT_VALID, null, "OAuthException",
                "(#131009) Parameter value is not valid", null, "Param " + param + " " + what, null, null));
    }

    /** Control flow of the check: the first refusal ends it, as at Meta. */
    private static final class Refused extends RuntimeException {
        private final transient GraphApiError error;

        Refused(GraphApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
