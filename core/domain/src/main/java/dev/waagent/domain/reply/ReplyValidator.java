package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.waagent.domain.reply.WhatsAppLimits.BUTTON_ID;
import static dev.waagent.domain.reply.WhatsAppLimits.BUTTON_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.FOOTER_TEXT;
import static dev.waagent.domain.reply.WhatsAppLimits.HEADER_TEXT;
import static dev.waagent.domain.reply.WhatsAppLimits.INTERACTIVE_BODY;
import static dev.waagent.domain.reply.WhatsAppLimits.LIST_BUTTON_LABEL;
import static dev.waagent.domain.reply.WhatsAppLimits.MAX_BUTTONS;
import static dev.waagent.domain.reply.WhatsAppLimits.MAX_LIST_ROWS;
import static dev.waagent.domain.reply.WhatsAppLimits.MAX_SECTIONS;
import static dev.waagent.domain.reply.WhatsAppLimits.MEDIA_CAPTION;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_DESCRIPTION;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_ID;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.SECTION_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.TEMPLATE_TEXT_PARAMETER;
import static dev.waagent.domain.reply.WhatsAppLimits.TEXT_BODY;

/**
 * Checks a {@link Reply} against everything in Meta's limits table: lengths, counts, required and unique values.
 * Paths name the member of the request the reply becomes, so a violation reads like Meta's own error.
 */
public final class ReplyValidator {

    /** Meta refuses template text parameters with new lines, tabs or more than four consecutive spaces. */
    private static final Pattern TEMPLATE_PARAMETER_WHITESPACE = Pattern.compile("[\\n\\r\\t]| {5,}");

    private ReplyValidator() {
    }

    public static boolean isValid(Reply reply) {
        return violations(reply).isEmpty();
    }

    /** Everything Meta would refuse in this reply; empty when it may be sent as is. */
    public static List<LimitViolation> violations(Reply reply) {
        List<LimitViolation> out = new ArrayList<>();
        if (reply instanceof Reply.Text text) {
            requiredText(out, "text.body", text.body(), TEXT_BODY);
        } else if (reply instanceof Reply.Buttons buttons) {
            optionalText(out, "interactive.header.text", buttons.header(), HEADER_TEXT);
            requiredText(out, "interactive.body.text", buttons.body(), INTERACTIVE_BODY);
            optionalText(out, "interactive.footer.text", buttons.footer(), FOOTER_TEXT);
            buttons(out, buttons.buttons());
        } else if (reply instanceof Reply.ListMenu list) {
            list(out, list);
        } else if (reply instanceof Reply.Card card) {
            card(out, card);
        } else if (reply instanceof TemplateMessage template) {
            template(out, template);
        } else {
            throw new IllegalArgumentException("unknown reply form " + reply);
        }
        return List.copyOf(out);
    }

    private static void buttons(List<LimitViolation> out, List<ReplyButton> buttons) {
        String path = "interactive.action.buttons";
        if (buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
            out.add(new LimitViolation(path, "count", "has " + buttons.size() + " buttons; 1 to " + MAX_BUTTONS + " allowed"));
        }
        Set<String> titles = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            ReplyButton button = buttons.get(i);
            String at = path + "[" + i + "].reply";
            singleLine(out, at + ".title", button.title(), BUTTON_TITLE);
            identifier(out, at + ".id", button.id(), BUTTON_ID);
            if (!titles.add(titleKey(button.title()))) {
                out.add(new LimitViolation(at + ".title", "unique", "button titles must be unique"));
            }
            if (!ids.add(button.id())) {
                out.add(new LimitViolation(at + ".id", "unique", "button ids must be unique"));
            }
        }
    }

    private static void list(List<LimitViolation> out, Reply.ListMenu list) {
        optionalText(out, "interactive.header.text", list.header(), HEADER_TEXT);
        requiredText(out, "interactive.body.text", list.body(), INTERACTIVE_BODY);
        optionalText(out, "interactive.footer.text", list.footer(), FOOTER_TEXT);
        singleLine(out, "interactive.action.button", list.buttonLabel(), LIST_BUTTON_LABEL);
        List<ListSection> sections = list.sections();
        if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            out.add(new LimitViolation("interactive.action.sections", "count",
                    "has " + sections.size() + " sections; 1 to " + MAX_SECTIONS + " allowed"));
        }
        int rows = list.rows().size();
        if (rows == 0 || rows > MAX_LIST_ROWS) {
            out.add(new LimitViolation("interactive.action.sections", "count",
                    "has " + rows + " rows in total; 1 to " + MAX_LIST_ROWS + " allowed"));
        }
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < sections.size(); s++) {
            ListSection section = sections.get(s);
            String at = "interactive.action.sections[" + s + "]";
            if (sections.size() > 1) {
                singleLine(out, at + ".title", section.title(), SECTION_TITLE);
            } else if (section.title() != null) {
                singleLine(out, at + ".title", section.title(), SECTION_TITLE);
            }
            if (section.rows().isEmpty()) {
                out.add(new LimitViolation(at + ".rows", "count", "a section needs at least one row"));
            }
            for (int r = 0; r < section.rows().size(); r++) {
                ListRow row = section.rows().get(r);
                String rowAt = at + ".rows[" + r + "]";
                singleLine(out, rowAt + ".title", row.title(), ROW_TITLE);
                identifier(out, rowAt + ".id", row.id(), ROW_ID);
                if (row.description() != null) {
                    singleLine(out, rowAt + ".description", row.description(), ROW_DESCRIPTION);
                }
                if (!ids.add(row.id())) {
                    out.add(new LimitViolation(rowAt + ".id", "unique", "row ids must be unique in a list"));
                }
            }
        }
    }

    private static void card(List<LimitViolation> out, Reply.Card card) {
        if (!card.image().isUsable()) {
            out.add(new LimitViolation("image", "format", "needs exactly one of an http(s) link or a media id"));
        }
        if (card.buttons().isEmpty()) {
            if (card.caption().length() > MEDIA_CAPTION) {
                out.add(new LimitViolation("image.caption", "max_length",
                        "has " + card.caption().length() + " characters; at most " + MEDIA_CAPTION));
            }
            if (card.footer() != null) {
                out.add(new LimitViolation("image.footer", "unsupported", "an image message has no footer"));
            }
            return;
        }
        requiredText(out, "interactive.body.text", card.caption(), Math.min(MEDIA_CAPTION, INTERACTIVE_BODY));
        optionalText(out, "interactive.footer.text", card.footer(), FOOTER_TEXT);
        buttons(out, card.buttons());
    }

    private static void template(List<LimitViolation> out, TemplateMessage template) {
        if (!TemplateMessage.NAME.matcher(template.name()).matches()) {
            out.add(new LimitViolation("template.name", "format", "must be 1 to 512 lowercase letters, digits or underscores"));
        }
        if (!TemplateMessage.LANGUAGE.matcher(template.language()).matches()) {
            out.add(new LimitViolation("template.language.code", "format", "must look like en, en_US or fil"));
        }
        List<String> parameters = template.bodyParameters();
        for (int i = 0; i < parameters.size(); i++) {
            String at = "template.components[0].parameters[" + i + "].text";
            String value = parameters.get(i);
            if (value == null || value.isBlank()) {
                out.add(new LimitViolation(at, "required", "a template parameter cannot be empty"));
                continue;
            }
            if (value.length() > TEMPLATE_TEXT_PARAMETER) {
                out.add(new LimitViolation(at, "max_length", "has " + value.length() + " characters; at most " + TEMPLATE_TEXT_PARAMETER));
            }
            if (TEMPLATE_PARAMETER_WHITESPACE.matcher(value).find()) {
                out.add(new LimitViolation(at, "format", "cannot have new lines, tabs or more than 4 consecutive spaces"));
            }
        }
    }

    private static void requiredText(List<LimitViolation> out, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            out.add(new LimitViolation(path, "required", "cannot be empty"));
        } else if (value.length() > max) {
            out.add(new LimitViolation(path, "max_length", "has " + value.length() + " characters; at most " + max));
        }
    }

    private static void optionalText(List<LimitViolation> out, String path, String value, int max) {
        if (value != null) {
            singleLine(out, path, value, max);
        }
    }

    /** Titles, labels, headers and footers: non-blank, one line, within the limit. */
    private static void singleLine(List<LimitViolation> out, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            out.add(new LimitViolation(path, "required", "cannot be empty"));
            return;
        }
        if (value.length() > max) {
            out.add(new LimitViolation(path, "max_length", "has " + value.length() + " characters; at most " + max));
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            out.add(new LimitViolation(path, "format", "must be a single line"));
        }
    }

    private static void identifier(List<LimitViolation> out, String path, String value, int max) {
        if (value == null || value.isBlank()) {
            out.add(new LimitViolation(path, "required", "cannot be empty"));
            return;
        }
        if (value.length() > max) {
            out.add(new LimitViolation(path, "max_length", "has " + value.length() + " characters; at most " + max));
        }
        if (!value.strip().equals(value)) {
            out.add(new LimitViolation(path, "format", "cannot have leading or trailing spaces"));
        }
    }

    /** Titles compare case-insensitively and ignoring surrounding space: WhatsApp shows them side by side. */
    static String titleKey(String title) {
        return title == null ? "" : title.strip().toLowerCase(Locale.ROOT);
    }
}
