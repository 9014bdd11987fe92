package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
import static dev.waagent.domain.reply.WhatsAppLimits.MEDIA_CAPTION;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_DESCRIPTION;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_ID;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.SECTION_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.TEMPLATE_TEXT_PARAMETER;
import static dev.waagent.domain.reply.WhatsAppLimits.TEXT_BODY;

/**
 * Turns any {@link Reply} into {@link OutboundPart}s WhatsApp accepts, changing as little as it can:
 * <ul>
 *   <li>text over 4096 characters is split at sentence boundaries; an interactive body over 1024 keeps its ending
 *       (usually the question) and sends its beginning first as text; a caption over 1024 sends the rest after;</li>
 *   <li>titles, labels, headers and footers lose markdown and line breaks and are shortened at a word boundary with an
 *       ellipsis; a long row title without description keeps its full wording as description;</li>
 *   <li>duplicate button titles are dropped (same option) or numbered (different options); missing, long or duplicate
 *       ids are replaced;</li>
 *   <li>more than 3 buttons become a list, more than 10 rows a numbered text, no option at all plain text;</li>
 *   <li>template parameters lose line breaks, tabs and long space runs; an unusable template name gives no part.</li>
 * </ul>
 * A reply that is already valid comes back as one part, unchanged. Every part is checked by {@link ReplyValidator}
 * (in {@link OutboundPart}'s constructor); a part the rules above failed to fix is sent as plain text instead.
 * Stateless and thread-safe.
 */
public final class ReplyRepair {

    private static final Pattern TEMPLATE_BREAKS = Pattern.compile("[\\n\\r\\t]+");
    private static final Pattern SPACE_RUN = Pattern.compile(" {5,}");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[-–—|:]\\s+|:\\s+|\\s+\\(");

    private final Labels labels;

    /**
     * Words the repair may have to add, in the tenant's language.
     *
     * @param listButton   label of a list's menu button when the reply has none (≤ 20)
     * @param choosePrompt body of an interactive message that has none
     */
    public record Labels(String listButton, String choosePrompt) {
        public Labels {
            listButton = TextFit.shorten(WhatsAppFormatter.plain(listButton), LIST_BUTTON_LABEL);
            choosePrompt = TextFit.shorten(choosePrompt == null ? "" : choosePrompt.strip(), INTERACTIVE_BODY);
            if (listButton.isBlank() || choosePrompt.isBlank()) {
                throw new IllegalArgumentException("labels must not be blank");
            }
        }

        public static Labels english() {
            return new Labels("Options", "Please choose an option:");
        }
    }

    public ReplyRepair() {
        this(Labels.english());
    }

    public ReplyRepair(Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    /** The parts to send for {@code reply}, and what had to change. */
    public RepairResult repair(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        Work work = new Work();
        route(reply, work);
        List<OutboundPart> parts = new ArrayList<>();
        for (Reply part : work.parts) {
            if (ReplyValidator.isValid(part)) {
                parts.add(new OutboundPart(parts.size(), part));
            } else if (part instanceof TemplateMessage) {
                work.note(RepairKind.TEMPLATE_INVALID);
            } else {
                work.note(RepairKind.FALLBACK_TO_TEXT);
                for (String piece : TextFit.split(part.asText(), TEXT_BODY)) {
                    parts.add(new OutboundPart(parts.size(), new Reply.Text(piece)));
                }
            }
        }
        return new RepairResult(parts, List.copyOf(work.repairs));
    }

    private void route(Reply reply, Work work) {
        if (reply instanceof Reply.Text text) {
            text(text.body(), work);
        } else if (reply instanceof Reply.Buttons buttons) {
            buttons(buttons.header(), buttons.body(), buttons.footer(), buttons.buttons(), null, work);
        } else if (reply instanceof Reply.ListMenu list) {
            list(list.header(), list.body(), list.footer(), list.buttonLabel(), list.sections(), work);
        } else if (reply instanceof Reply.Card card) {
            card(card, work);
        } else if (reply instanceof TemplateMessage template) {
            template(template, work);
        } else {
            throw new IllegalArgumentException("unknown reply form " + reply.getClass().getName());
        }
    }

    // ------------------------------------------------------------------------------------------------- text

    private static void text(String body, Work work) {
        String value = body == null ? "" : body.strip();
        if (value.isEmpty()) {
            work.note(RepairKind.EMPTY_DROPPED);
            return;
        }
        List<String> pieces = TextFit.split(value, TEXT_BODY);
        if (pieces.size() > 1) {
            work.note(RepairKind.TEXT_SPLIT);
        }
        pieces.forEach(piece -> work.parts.add(new Reply.Text(piece)));
    }

    // ---------------------------------------------------------------------------------------------- buttons

    /** Reply buttons, or (with {@code image}) a card with buttons. */
    private void buttons(String header, String body, String footer, List<ReplyButton> raw, MediaRef image, Work work) {
        List<ReplyButton> options = cleanButtons(raw, work);
        if (options.isEmpty()) {
            work.note(RepairKind.BUTTONS_TO_TEXT);
            if (image != null) {
                card(new Reply.Card(image, Rendering.join(header, body, "", null), footer, List.of()), work);
            } else {
                text(Rendering.join(header, body, "", footer), work);
            }
            return;
        }
        if (options.size() > MAX_BUTTONS) {
            List<ListRow> rows = options.stream().map(b -> new ListRow(b.id(), b.title(), null)).toList();
            if (image != null) {
                work.note(RepairKind.CARD_BUTTONS_TO_LIST);
                work.parts.add(new Reply.Card(image, "", null, List.of()));
                list(null, body, footer, null, List.of(new ListSection(null, rows)), work);
            } else {
                work.note(RepairKind.BUTTONS_TO_LIST);
                list(header, body, footer, null, List.of(new ListSection(null, rows)), work);
            }
            return;
        }
        List<ReplyButton> fitted = fitButtons(options, work);
        String fittedFooter = line(footer, FOOTER_TEXT, RepairKind.FOOTER_SHORTENED, work);
        String fittedBody = interactiveBody(body, work);
        if (image != null) {
            work.parts.add(new Reply.Card(image, fittedBody, fittedFooter, fitted));
        } else {
            work.parts.add(new Reply.Buttons(line(header, HEADER_TEXT, RepairKind.HEADER_SHORTENED, work), fittedBody, fittedFooter, fitted));
        }
    }

    /** Titles without markdown, blank ones dropped, the same option offered twice kept once. */
    private static List<ReplyButton> cleanButtons(List<ReplyButton> raw, Work work) {
        List<ReplyButton> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReplyButton button : raw) {
            String title = plainTitle(button.title(), work);
            if (title.isEmpty()) {
                work.note(RepairKind.EMPTY_DROPPED);
                continue;
            }
            if (!seen.add(ReplyValidator.titleKey(title))) {
                work.note(RepairKind.BUTTON_TITLES_DEDUPED);
                continue;
            }
            out.add(new ReplyButton(button.id(), title));
        }
        return out;
    }

    /** Titles within 20 characters and unique once shortened; ids within 256 and unique. */
    private static List<ReplyButton> fitButtons(List<ReplyButton> buttons, Work work) {
        List<ReplyButton> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            ReplyButton button = buttons.get(i);
            String title = TextFit.shorten(button.title(), BUTTON_TITLE);
            if (!title.equals(button.title())) {
                work.note(RepairKind.BUTTON_TITLE_SHORTENED);
            }
            if (titles.contains(ReplyValidator.titleKey(title))) {
                work.note(RepairKind.BUTTON_TITLES_DEDUPED);
                for (int n = 2; titles.contains(ReplyValidator.titleKey(title)); n++) {
                    String suffix = " " + n;
                    title = TextFit.shorten(button.title(), BUTTON_TITLE - suffix.length()) + suffix;
                }
            }
            titles.add(ReplyValidator.titleKey(title));
            out.add(new ReplyButton(fitId(button.id(), BUTTON_ID, i, ids, work), title));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- list

    private void list(String header, String body, String footer, String label, List<ListSection> raw, Work work) {
        List<ListSection> sections = cleanSections(raw, work);
        int total = sections.stream().mapToInt(section -> section.rows().size()).sum();
        if (total == 0 || total > MAX_LIST_ROWS) {
            work.note(RepairKind.LIST_TO_TEXT);
            text(new Reply.ListMenu(header, body, footer, label, sections).asText(), work);
            return;
        }
        if (sections.size() > 1 && sections.stream().anyMatch(section -> section.title() == null || section.title().isBlank())) {
            work.note(RepairKind.SECTIONS_MERGED);
            sections = List.of(new ListSection(null, sections.stream().flatMap(section -> section.rows().stream()).toList()));
        }
        Set<String> ids = new HashSet<>();
        List<ListSection> fitted = new ArrayList<>();
        int index = 0;
        for (ListSection section : sections) {
            String title = section.title() == null || section.title().isBlank() ? null
                    : line(section.title(), SECTION_TITLE, RepairKind.SECTION_TITLE_SHORTENED, work);
            List<ListRow> rows = new ArrayList<>();
            for (ListRow row : section.rows()) {
                rows.add(fitRow(row, index++, ids, work));
            }
            fitted.add(new ListSection(title, rows));
        }
        String fittedLabel = label == null || label.isBlank() ? null : TextFit.shorten(WhatsAppFormatter.plain(label), LIST_BUTTON_LABEL);
        if (fittedLabel == null || fittedLabel.isEmpty() || !fittedLabel.equals(label)) {
            work.note(RepairKind.LIST_LABEL_FIXED);
            fittedLabel = fittedLabel == null || fittedLabel.isEmpty() ? labels.listButton() : fittedLabel;
        }
        String fittedHeader = line(header, HEADER_TEXT, RepairKind.HEADER_SHORTENED, work);
        String fittedFooter = line(footer, FOOTER_TEXT, RepairKind.FOOTER_SHORTENED, work);
        String fittedBody = interactiveBody(body, work);
        work.parts.add(new Reply.ListMenu(fittedHeader, fittedBody, fittedFooter, fittedLabel, fitted));
    }

    private static List<ListSection> cleanSections(List<ListSection> raw, Work work) {
        List<ListSection> out = new ArrayList<>();
        for (ListSection section : raw) {
            List<ListRow> rows = new ArrayList<>();
            for (ListRow row : section.rows()) {
                String title = plainTitle(row.title(), work);
                if (title.isEmpty()) {
                    work.note(RepairKind.EMPTY_DROPPED);
                    continue;
                }
                String description = row.description() == null ? null : WhatsAppFormatter.plain(row.description());
                if (description != null && !description.equals(row.description().strip())) {
                    work.note(RepairKind.MARKDOWN_STRIPPED);
                }
                rows.add(new ListRow(row.id(), title, description == null || description.isEmpty() ? null : description));
            }
            if (rows.isEmpty()) {
                work.note(RepairKind.EMPTY_DROPPED);
                continue;
            }
            String title = section.title() == null ? null : plainTitle(section.title(), work);
            out.add(new ListSection(title == null || title.isEmpty() ? null : title, rows));
        }
        return out;
    }

    /**
     * A row title over 24 characters is first split at a separator ("Avanza 2022 – Rp 350k/day") into title and
     * description, else shortened with its full wording kept as description when there was none.
     */
    private static ListRow fitRow(ListRow row, int index, Set<String> ids, Work work) {
        String title = row.title();
        String description = row.description();
        if (title.length() > ROW_TITLE) {
            work.note(RepairKind.ROW_TITLE_SHORTENED);
            var separator = TITLE_SEPARATOR.matcher(title);
            String head = null;
            String rest = null;
            if (description == null && separator.find() && separator.start() > 0 && separator.start() <= ROW_TITLE) {
                head = WhatsAppFormatter.plain(title.substring(0, separator.start()));
                rest = title.substring(separator.end()).strip();
                if (title.charAt(separator.end() - 1) == '(' && rest.endsWith(")")) {
                    rest = rest.substring(0, rest.length() - 1);
                }
                rest = WhatsAppFormatter.plain(rest);
            }
            if (head != null && !head.isEmpty()) {
                title = head;
                description = rest.isEmpty() ? null : rest;
            } else {
                if (description == null) {
                    description = title;
                }
                title = TextFit.shorten(title, ROW_TITLE);
            }
        }
        if (description != null && description.length() > ROW_DESCRIPTION) {
            work.note(RepairKind.ROW_DESCRIPTION_SHORTENED);
            description = TextFit.shorten(description, ROW_DESCRIPTION);
        }
        return new ListRow(fitId(row.id(), ROW_ID, index, ids, work), title, description);
    }

    // ------------------------------------------------------------------------------------------------- card

    private void card(Reply.Card card, Work work) {
        if (!card.image().isUsable()) {
            work.note(RepairKind.CARD_IMAGE_INVALID);
            if (card.buttons().isEmpty()) {
                text(Rendering.join(null, card.caption(), "", card.footer()), work);
            } else {
                buttons(null, card.caption(), card.footer(), card.buttons(), null, work);
            }
            return;
        }
        if (!card.buttons().isEmpty()) {
            buttons(null, card.caption(), card.footer(), card.buttons(), card.image(), work);
            return;
        }
        String caption = card.caption().strip();
        if (card.footer() != null && !card.footer().isBlank()) {
            work.note(RepairKind.FOOTER_MERGED);
            caption = Rendering.join(null, caption, "", card.footer());
        }
        List<String> rest = List.of();
        if (caption.length() > MEDIA_CAPTION) {
            work.note(RepairKind.CAPTION_SPLIT);
            List<String> pieces = TextFit.split(caption, MEDIA_CAPTION);
            caption = pieces.get(0);
            rest = pieces.subList(1, pieces.size());
        }
        work.parts.add(new Reply.Card(card.image(), caption, null, List.of()));
        if (!rest.isEmpty()) {
            text(String.join("\n\n", rest), work);
        }
    }

    // --------------------------------------------------------------------------------------------- template

    private static void template(TemplateMessage template, Work work) {
        String name = template.name().strip();
        String language = template.language().strip().replace('-', '_');
        List<String> parameters = new ArrayList<>();
        for (String parameter : template.bodyParameters()) {
            String value = parameter == null ? "" : parameter;
            value = SPACE_RUN.matcher(TEMPLATE_BREAKS.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
            if (value.isEmpty()) {
                value = "-";
            }
            value = TextFit.shorten(value, TEMPLATE_TEXT_PARAMETER);
            if (!value.equals(parameter)) {
                work.note(RepairKind.TEMPLATE_PARAMETER_FIXED);
            }
            parameters.add(value);
        }
        TemplateMessage fixed = new TemplateMessage(name, language, parameters);
        if (!ReplyValidator.isValid(fixed)) {
            work.note(RepairKind.TEMPLATE_INVALID);
            return;
        }
        work.parts.add(fixed);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * A body within 1024 characters: defaulted when blank; when longer, its ending stays and its beginning goes
     * before as text part(s).
     */
    private String interactiveBody(String body, Work work) {
        String value = body == null ? "" : body.strip();
        if (value.isEmpty()) {
            work.note(RepairKind.BODY_DEFAULTED);
            return labels.choosePrompt();
        }
        if (value.length() <= INTERACTIVE_BODY) {
            return value;
        }
        work.note(RepairKind.BODY_SPLIT);
        TextFit.Tail tail = TextFit.splitTail(value, INTERACTIVE_BODY);
        text(tail.head(), work);
        return tail.tail();
    }

    /** A header, footer or section title: one line, no markdown, shortened; {@code null} when blank. */
    private static String line(String value, int max, RepairKind shortened, Work work) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String plain = plainTitle(value, work);
        if (plain.isEmpty()) {
            return null;
        }
        String fitted = TextFit.shorten(plain, max);
        if (!fitted.equals(plain)) {
            work.note(shortened);
        }
        return fitted;
    }

    private static String plainTitle(String value, Work work) {
        String plain = WhatsAppFormatter.plain(value);
        if (value != null && !plain.equals(value.strip())) {
            work.note(RepairKind.MARKDOWN_STRIPPED);
        }
        return plain;
    }

    /** The id stripped, or {@code opt-<n>} when blank, shortened with a hash when too long, made unique. */
    private static String fitId(String id, int max, int index, Set<String> used, Work work) {
        String value = id == null ? "" : id.strip();
        boolean changed = !value.equals(id);
        if (value.isEmpty()) {
            value = "opt-" + (index + 1);
            changed = true;
        }
        if (value.length() > max) {
            String hash = Integer.toHexString(value.hashCode());
            value = value.substring(0, TextFit.safeCut(value, max - hash.length() - 1)) + "-" + hash;
            changed = true;
        }
        String base = value;
        for (int n = 2; used.contains(value); n++) {
            String suffix = "-" + n;
            value = base.substring(0, TextFit.safeCut(base, Math.min(base.length(), max - suffix.length()))) + suffix;
            changed = true;
        }
        used.add(value);
        if (changed) {
            work.note(RepairKind.IDS_FIXED);
        }
        return value;
    }

    /** The parts made so far and the repairs noted. */
    private static final class Work {
        final List<Reply> parts = new ArrayList<>();
        final Set<RepairKind> repairs = new LinkedHashSet<>();

        void note(RepairKind kind) {
            repairs.add(kind);
        }
    }
}
