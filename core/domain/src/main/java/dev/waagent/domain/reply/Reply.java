package dev.waagent.domain.reply;

import java.util.List;
import java.util.Objects;

/**
 * One WhatsApp message the agent wants to send, in one of the forms Meta offers. These records only hold values
 * (nulls become empty, lists are copied): {@link ReplyValidator} says what Meta would refuse, {@link ReplyRepair}
 * turns anything into {@link OutboundPart}s that pass it.
 */
public sealed interface Reply permits Reply.Text, Reply.Buttons, Reply.ListMenu, Reply.Card, TemplateMessage {

    /** The message as plain text, for text-only channels, history and fallbacks (options as a numbered list). */
    String asText();

    /** Free-form text (WhatsApp formatting: {@code *bold*}, {@code _italic_}, {@code ~strike~}). */
    record Text(String body) implements Reply {
        public Text {
            body = body == null ? "" : body;
        }

        @Override
        public String asText() {
            return body;
        }
    }

    /**
     * Interactive reply buttons.
     *
     * @param header text header or {@code null}
     * @param footer footer or {@code null}
     */
    record Buttons(String header, String body, String footer, List<ReplyButton> buttons) implements Reply {
        public Buttons {
            body = body == null ? "" : body;
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        @Override
        public String asText() {
            List<String> options = buttons.stream().map(ReplyButton::title).toList();
            return Rendering.join(header, body, Rendering.numbered(options, List.of()), footer);
        }
    }

    /**
     * Interactive list: a menu button opening sections of rows.
     *
     * @param buttonLabel the menu button ({@code action.button})
     */
    record ListMenu(String header, String body, String footer, String buttonLabel, List<ListSection> sections) implements Reply {
        public ListMenu {
            body = body == null ? "" : body;
            buttonLabel = buttonLabel == null ? "" : buttonLabel;
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        public List<ListRow> rows() {
            return sections.stream().flatMap(section -> section.rows().stream()).toList();
        }

        @Override
        public String asText() {
            List<ListRow> rows = rows();
            return Rendering.join(header, body,
                    Rendering.numbered(rows.stream().map(ListRow::title).toList(),
                            rows.stream().map(ListRow::description).toList()), footer);
        }
    }

    /**
     * A product or service card: an image with a caption, optionally with reply buttons (then sent as an interactive
     * button message with an image header, the caption as its body).
     *
     * @param footer only with buttons (plain image messages have no footer)
     */
    record Card(MediaRef image, String caption, String footer, List<ReplyButton> buttons) implements Reply {
        public Card {
            Objects.requireNonNull(image, "image");
            caption = caption == null ? "" : caption;
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }

        @Override
        public String asText() {
            List<String> options = buttons.stream().map(ReplyButton::title).toList();
            return Rendering.join(null, caption, Rendering.numbered(options, List.of()), footer);
        }
    }
}
