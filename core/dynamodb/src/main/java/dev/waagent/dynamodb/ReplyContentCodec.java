package dev.waagent.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.TemplateMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reply part in its form, kept on the outbound message item ({@code content}) so a retried turn resends exactly
 * what was recorded. Plain text needs no content (the item's {@code text} is it): {@link #encode} gives {@code null}.
 * Our own small JSON shape, not Meta's wire format: the channel decides the wire format when it sends.
 */
final class ReplyContentCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplyContentCodec() {
    }

    static String encode(Reply reply) {
        if (reply == null || reply instanceof Reply.Text) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        if (reply instanceof Reply.Buttons buttons) {
            node.put("form", "buttons").put("header", buttons.header()).put("body", buttons.body()).put("footer", buttons.footer());
            node.set("buttons", buttons(buttons.buttons()));
        } else if (reply instanceof Reply.ListMenu list) {
            node.put("form", "list").put("header", list.header()).put("body", list.body()).put("footer", list.footer())
                    .put("button", list.buttonLabel());
            ArrayNode sections = node.putArray("sections");
            for (ListSection section : list.sections()) {
                ObjectNode s = sections.addObject().put("title", section.title());
                ArrayNode rows = s.putArray("rows");
                for (ListRow row : section.rows()) {
                    rows.addObject().put("id", row.id()).put("title", row.title()).put("description", row.description());
                }
            }
        } else if (reply instanceof Reply.Card card) {
            node.put("form", "card").put("caption", card.caption()).put("footer", card.footer());
            node.putObject("image").put("link", card.image().link()).put("id", card.image().id());
            node.set("buttons", buttons(card.buttons()));
        } else if (reply instanceof TemplateMessage template) {
            node.put("form", "template").put("name", template.name()).put("language", template.language());
            ArrayNode parameters = node.putArray("parameters");
            template.bodyParameters().forEach(parameters::add);
        }
        return node.toString();
    }

    /** The part recorded as {@code content}, or plain {@code text} when there is none. */
    static Reply decode(String content, String text) {
        if (content == null || content.isBlank()) {
            return new Reply.Text(text);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException("stored reply content is not JSON", e);
        }
        return switch (node.path("form").asText()) {
            case "buttons" -> new Reply.Buttons(text(node, "header"), text(node, "body"), text(node, "footer"), buttons(node.path("buttons")));
            case "list" -> {
                List<ListSection> sections = new ArrayList<>();
                for (JsonNode section : node.path("sections")) {
                    List<ListRow> rows = new ArrayList<>();
                    for (JsonNode row : section.path("rows")) {
                        rows.add(new ListRow(text(row, "id"), text(row, "title"), text(row, "description")));
                    }
                    sections.add(new ListSection(text(section, "title"), rows));
                }
                yield new Reply.ListMenu(text(node, "header"), text(node, "body"), text(node, "footer"), text(node, "button"), sections);
            }
            case "card" -> new Reply.Card(new MediaRef(text(node.path("image"), "link"), text(node.path("image"), "id")),
                    text(node, "caption"), text(node, "footer"), buttons(node.path("buttons")));
            case "template" -> {
                List<String> parameters = new ArrayList<>();
                node.path("parameters").forEach(value -> parameters.add(value.asText()));
                yield new TemplateMessage(text(node, "name"), text(node, "language"), parameters);
            }
            default -> new Reply.Text(text);
        };
    }

    private static ArrayNode buttons(List<ReplyButton> buttons) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ReplyButton button : buttons) {
            array.addObject().put("id", button.id()).put("title", button.title());
        }
        return array;
    }

    private static List<ReplyButton> buttons(JsonNode array) {
        List<ReplyButton> buttons = new ArrayList<>();
        for (JsonNode button : array) {
            buttons.add(new ReplyButton(text(button, "id"), text(button, "title")));
        }
        return buttons;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
