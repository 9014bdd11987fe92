package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.waagent.domain.reply.WhatsAppLimits.BUTTON_TITLE;
import static dev.waagent.domain.reply.WhatsAppLimits.MAX_BUTTONS;
import static dev.waagent.domain.reply.WhatsAppLimits.MAX_LIST_ROWS;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_DESCRIPTION;
import static dev.waagent.domain.reply.WhatsAppLimits.ROW_TITLE;

/**
 * Chooses the form of a reply, when the tenant allows rich messages and the form helps; otherwise WhatsApp-formatted
 * text:
 * <ol>
 *   <li>one item with a usable photo → a card (image + caption), with up to 3 short options as its buttons;</li>
 *   <li>1–3 options whose titles fit a button (≤ 20) and have no description → reply buttons;</li>
 *   <li>up to 10 options whose titles fit a row (≤ 24, a description ≤ 72 split off at " – ", ": " or " (") → a list;</li>
 *   <li>anything else → text, the options staying in it.</li>
 * </ol>
 * Options come from the draft, or from a choice list the model wrote: 2–10 top-level items ({@code •} or numbered)
 * ending the message (at most two short lines after them), introduced or followed by a question. Only when an option
 * fits without shortening does it leave the text; so the planner never needs the repair to cut an option's words.
 * Stateless and thread-safe.
 */
public final class RichReplyPlanner {

    private static final Pattern ITEM = Pattern.compile("^(•|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern NESTED = Pattern.compile("^\\s+(•|\\d{1,2}[.)]|[-*+])\\s+.*$");
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|]\\s+|:\\s+|\\s+\\((?=[^)]*\\)$)");
    /**
     * Words that make a line ask for a choice (English, Bahasa Indonesia, Hinglish): needed for an introduction ending
     * in ":" and for a question after the list ("Anything else?" after a list of facts is no choice).
     */
    private static final Pattern CHOICE_WORDS = Pattern.compile(
            "\\b(which|choose|select|pick|prefer|would you like|pilih|pilihan|yang mana|mana yang|kaunsa|kaunsi|kaun sa|kaun si|konsa|konsi|chunein|chuno)\\b");
    private static final int MAX_LINES_AFTER_LIST = 2;

    private final ReplyRepair repair;
    private final ReplyRepair.Labels labels;

    public RichReplyPlanner() {
        this(ReplyRepair.Labels.english());
    }

    public RichReplyPlanner(ReplyRepair.Labels labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.repair = new ReplyRepair(labels);
    }

    /** {@link #plan} then {@link ReplyRepair#repair}: the parts to send. */
    public RepairResult compose(ReplyDraft draft, RichMessagePolicy policy) {
        return repair.repair(plan(draft, policy));
    }

    /** The form for this draft (not yet repaired). */
    public Reply plan(ReplyDraft draft, RichMessagePolicy policy) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(policy, "policy");
        String formatted = WhatsAppFormatter.fromMarkdown(draft.text());
        Choice choice = draft.options().isEmpty() ? extractChoice(formatted) : new Choice(formatted, clean(draft.options()));
        // Explicit options are not in the text: when they do not become buttons or rows, they are written out.
        String asText = draft.options().isEmpty() ? formatted
                : Rendering.join(null, formatted, Rendering.numbered(choice.options().stream().map(ReplyOption::title).toList(),
                        choice.options().stream().map(ReplyOption::description).toList()), null);
        if (!policy.anyRich()) {
            return new Reply.Text(asText);
        }

        ReplyDraft.CardItem item = draft.card();
        if (policy.cards() && item != null && item.image() != null && item.image().isUsable()) {
            List<ReplyButton> buttons = policy.buttons() ? asButtons(choice.options()) : List.of();
            String caption = buttons.isEmpty() ? asText : choice.body();
            String title = item.title() == null ? "" : WhatsAppFormatter.plain(item.title());
            if (!title.isEmpty() && !caption.toLowerCase(Locale.ROOT).contains(title.toLowerCase(Locale.ROOT))) {
                caption = caption.isBlank() ? "*" + title + "*" : "*" + title + "*\n" + caption;
            }
            return new Reply.Card(item.image(), caption, null, buttons);
        }
        if (!choice.options().isEmpty()) {
            List<ReplyButton> buttons = policy.buttons() ? asButtons(choice.options()) : List.of();
            if (!buttons.isEmpty()) {
                return new Reply.Buttons(null, choice.body(), null, buttons);
            }
            List<ListRow> rows = policy.lists() ? asRows(choice.options()) : List.of();
            if (!rows.isEmpty()) {
                return new Reply.ListMenu(null, choice.body(), null, labels.listButton(), List.of(new ListSection(null, rows)));
            }
        }
        return new Reply.Text(asText);
    }

    /** The options as buttons when 1–3, each title fits whole and none has a description; else empty. */
    static List<ReplyButton> asButtons(List<ReplyOption> options) {
        if (options.isEmpty() || options.size() > MAX_BUTTONS) {
            return List.of();
        }
        List<ReplyButton> buttons = new ArrayList<>();
        for (ReplyOption option : options) {
            String title = option.title();
            boolean described = option.description() != null && !option.description().isBlank();
            // A title offered twice stays: the repair keeps the option once (and says so).
            if (described || title.isEmpty() || title.length() > BUTTON_TITLE) {
                return List.of();
            }
            buttons.add(new ReplyButton(option.id(), title));
        }
        return buttons;
    }

    /** The options as list rows when 1–10 and each fits (title split from its description if needed); else empty. */
    static List<ListRow> asRows(List<ReplyOption> options) {
        if (options.isEmpty() || options.size() > MAX_LIST_ROWS) {
            return List.of();
        }
        List<ListRow> rows = new ArrayList<>();
        for (ReplyOption option : options) {
            String title = option.title();
            String description = option.description() == null || option.description().isBlank() ? null : option.description();
            if (title.length() > ROW_TITLE && description == null) {
                Matcher separator = SEPARATOR.matcher(title);
                if (separator.find() && separator.start() > 0) {
                    String rest = title.substring(separator.end()).strip();
                    if (separator.group().strip().equals("(") && rest.endsWith(")")) {
                        rest = rest.substring(0, rest.length() - 1).strip();
                    }
                    description = rest.isEmpty() ? null : rest;
                    title = title.substring(0, separator.start()).strip();
                }
            }
            if (title.isEmpty() || title.length() > ROW_TITLE || (description != null && description.length() > ROW_DESCRIPTION)) {
                return List.of();
            }
            rows.add(new ListRow(option.id(), title, description));
        }
        return rows;
    }

    /**
     * The choice the model offered at the end of its Markdown answer, if any: what the planner turns into buttons or a
     * list. Keep the options of a sent reply to map the customer's tap back ({@link InteractiveAnswer#chosen}).
     */
    public static OfferedChoice offeredChoice(String markdown) {
        Choice choice = extractChoice(WhatsAppFormatter.fromMarkdown(markdown));
        return new OfferedChoice(choice.body(), choice.options());
    }

    /**
     * @param body    the formatted text without the options (the whole text when there are none)
     * @param options the options, ids {@code opt-1}, {@code opt-2}, …; empty when the text offers no choice
     */
    public record OfferedChoice(String body, List<ReplyOption> options) {
        public OfferedChoice {
            options = List.copyOf(options);
        }
    }

    /**
     * A choice list ending the (formatted) text: its items as options and the text around it as body; or the whole
     * text and no options.
     */
    static Choice extractChoice(String formatted) {
        List<String> lines = List.of(formatted.split("\n", -1));
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        // Walk up over at most two closing lines, then over the items.
        int end = last;
        int closing = 0;
        while (end >= 0 && !ITEM.matcher(lines.get(end)).matches()) {
            if (!lines.get(end).isBlank() && ++closing > MAX_LINES_AFTER_LIST) {
                return new Choice(formatted, List.of());
            }
            end--;
        }
        if (end < 0) {
            return new Choice(formatted, List.of());
        }
        int start = end;
        while (start - 1 >= 0 && ITEM.matcher(lines.get(start - 1)).matches()) {
            start--;
        }
        if (start - 1 >= 0 && NESTED.matcher(lines.get(start - 1)).matches()) {
            return new Choice(formatted, List.of());
        }
        int count = end - start + 1;
        if (count < 2 || count > MAX_LIST_ROWS) {
            return new Choice(formatted, List.of());
        }
        String before = lastNonBlank(lines.subList(0, start));
        List<String> after = lines.subList(end + 1, lines.size());
        boolean asks = asksToChoose(before) || after.stream().anyMatch(line -> line.strip().endsWith("?")
                && CHOICE_WORDS.matcher(line.toLowerCase(Locale.ROOT)).find());
        if (!asks) {
            return new Choice(formatted, List.of());
        }
        List<ReplyOption> options = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            Matcher item = ITEM.matcher(lines.get(i));
            if (!item.matches()) {
                return new Choice(formatted, List.of());
            }
            String title = WhatsAppFormatter.plain(item.group(2));
            if (title.isEmpty() || title.length() > ROW_TITLE + ROW_DESCRIPTION + 3) {
                return new Choice(formatted, List.of());
            }
            options.add(new ReplyOption("opt-" + (options.size() + 1), title, null));
        }
        String body = (String.join("\n", lines.subList(0, start)).strip() + "\n\n" + String.join("\n", after).strip()).strip();
        return new Choice(body, options);
    }

    private static boolean asksToChoose(String line) {
        if (line == null) {
            return false;
        }
        String value = line.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("?") || (value.endsWith(":") && CHOICE_WORDS.matcher(value).find());
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i);
            }
        }
        return null;
    }

    private static List<ReplyOption> clean(List<ReplyOption> options) {
        List<ReplyOption> out = new ArrayList<>();
        for (ReplyOption option : options) {
            String description = option.description() == null ? null : WhatsAppFormatter.plain(option.description());
            out.add(new ReplyOption(option.id(), WhatsAppFormatter.plain(option.title()),
                    description == null || description.isEmpty() ? null : description));
        }
        return out;
    }

    /** @param body the text that goes with the options (the whole text when there are none) */
    record Choice(String body, List<ReplyOption> options) {
    }
}
