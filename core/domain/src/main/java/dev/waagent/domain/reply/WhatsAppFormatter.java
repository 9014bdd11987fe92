package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the Markdown models write into WhatsApp's formatting:
 * <ul>
 *   <li>{@code **bold**}, {@code __bold__} → {@code *bold*}; {@code *italic*} → {@code _italic_} ({@code _italic_}
 *       stays); {@code ***both***} → {@code *_both_*}; {@code ~~strike~~} → {@code ~strike~};</li>
 *   <li>headings → a bold line; {@code - item}, {@code * item}, {@code + item} → {@code • item} (indentation kept);
 *       numbered lists and {@code > quotes} kept; task boxes → ☐ / ☑; horizontal rules dropped;</li>
 *   <li>{@code [text](url)} → {@code text (url)} (just the URL when the text is the URL); {@code <url>} → url;</li>
 *   <li>{@code ```} code blocks kept (language tag dropped, content untouched), {@code `code`} kept; table rows →
 *       cells joined by " | ", separator rows dropped; backslash escapes resolved;</li>
 *   <li>three or more blank lines collapse to one.</li>
 * </ul>
 * URLs and code are never reformatted (an underscore in a link stays an underscore).
 */
public final class WhatsAppFormatter {

    // Private-use characters stand for protected spans and bold markers while the inline rules run.
    private static final char PROTECT_OPEN = '\uE000';
    private static final char PROTECT_CLOSE = '\uE001';
    private static final char BOLD = '\uE002';

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```|~~~)\\s*[\\w+#.-]*\\s*$");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}=+\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+•]\\s+(.*)$");
    private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(\\d{1,3})[.)]\\s+(.*)$");
    private static final Pattern QUOTE = Pattern.compile("^\\s*>\\s?(.*)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|(.*)\\|\\s*$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{2,}:?\\s*\\|)+\\s*:?-{2,}:?\\s*\\|?\\s*$|^\\s*\\|(\\s*:?-{2,}:?\\s*\\|)+\\s*$");

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]+`");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!~>|])");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\((\\S+?)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto|tel):[^>\\s]+)>");
    private static final Pattern BARE_URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>()\\[\\]]*[^\\s<>()\\[\\].,;:!?'\"*_~]");
    private static final Pattern BOLD_ITALIC = Pattern.compile("\\*\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*\\*");
    private static final Pattern BOLD_STARS = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern BOLD_UNDERSCORES = Pattern.compile("(?<![\\p{L}\\p{N}_])__(?=\\S)(.+?)(?<=\\S)__(?![\\p{L}\\p{N}_])");
    private static final Pattern ITALIC_STAR = Pattern.compile("(?<![\\p{L}\\p{N}*\\\\])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern PROTECTED = Pattern.compile(PROTECT_OPEN + "(\\d+)" + PROTECT_CLOSE);
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");
    private static final Pattern MARKERS = Pattern.compile("(?<![\\p{L}\\p{N}])([*_~])(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}])");

    private WhatsAppFormatter() {
    }

    /** Markdown (or plain text) as WhatsApp-formatted text; {@code null} becomes empty. */
    public static String fromMarkdown(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        boolean inFence = false;
        String fenceMarker = null;
        for (String line : lines) {
            Matcher fence = FENCE.matcher(line);
            if (fence.matches() && (!inFence || fence.group(2).equals(fenceMarker))) {
                inFence = !inFence;
                fenceMarker = inFence ? fence.group(2) : null;
                out.add("```");
                continue;
            }
            if (inFence) {
                out.add(line);
                continue;
            }
            // "Title\n=====" (setext heading): the underline turns the previous line bold.
            if (SETEXT_UNDERLINE.matcher(line).matches() && !out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add(boldLine(out.remove(out.size() - 1)));
                continue;
            }
            String converted = block(line);
            if (converted != null) {
                out.add(converted);
            }
        }
        if (inFence) {
            out.add("```");
        }
        String joined = String.join("\n", out);
        return BLANK_RUN.matcher(joined).replaceAll("\n\n").strip();
    }

    /**
     * For places where WhatsApp shows markers literally (button and row titles, headers, labels): the text of
     * {@link #fromMarkdown} with formatting markers and bullets removed, on one line.
     */
    public static String plain(String markdown) {
        // Removing one layer can expose another ("- **x**" inside a title): repeat until nothing changes, so that
        // plain(plain(x)) == plain(x).
        String text = plainOnce(markdown);
        for (int i = 0; i < 5; i++) {
            String again = plainOnce(text);
            if (again.equals(text)) {
                break;
            }
            text = again;
        }
        return text;
    }

    private static String plainOnce(String markdown) {
        String text = fromMarkdown(markdown).replace("```", "");
        String previous;
        do {
            previous = text;
            text = MARKERS.matcher(text).replaceAll("$2");
        } while (!text.equals(previous));
        text = text.replaceAll("(?m)^\\s*(•|\\d{1,3}[.)])\\s+", "");
        text = text.replace("`", "");
        return TextFit.oneLine(text);
    }

    private static String block(String line) {
        if (RULE.matcher(line).matches()) {
            return "";
        }
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            return heading.group(1).isBlank() ? "" : boldLine(heading.group(1));
        }
        if (TABLE_SEPARATOR.matcher(line).matches()) {
            return null;
        }
        Matcher table = TABLE_ROW.matcher(line);
        if (table.matches()) {
            List<String> cells = new ArrayList<>();
            for (String cell : table.group(1).split("(?<!\\\\)\\|", -1)) {
                cells.add(inline(cell.strip()));
            }
            return String.join(" | ", cells).strip();
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            String item = bullet.group(2);
            Matcher task = TASK.matcher(item);
            if (task.matches()) {
                item = (task.group(1).isBlank() ? "☐ " : "☑ ") + task.group(2);
            }
            return bullet.group(1) + "• " + inline(item);
        }
        Matcher numbered = NUMBERED.matcher(line);
        if (numbered.matches()) {
            return numbered.group(1) + numbered.group(2) + ". " + inline(numbered.group(3));
        }
        Matcher quote = QUOTE.matcher(line);
        if (quote.matches()) {
            return "> " + inline(quote.group(1));
        }
        return inline(line.stripTrailing());
    }

    private static String boldLine(String text) {
        String inner = plainInline(text);
        return inner.isEmpty() ? "" : "*" + inner + "*";
    }

    /** A heading's text: formatted inline, then its own markers dropped (it becomes bold as a whole). */
    private static String plainInline(String text) {
        String formatted = inline(text.strip());
        String previous;
        do {
            previous = formatted;
            formatted = MARKERS.matcher(formatted).replaceAll("$2");
        } while (!formatted.equals(previous));
        return formatted.strip();
    }

    private static String inline(String text) {
        if (text == null) {
            return "";
        }
        List<String> saved = new ArrayList<>();
        String value = protect(text, INLINE_CODE, saved, m -> m.group());
        value = protect(value, ESCAPE, saved, m -> m.group(1));
        value = protect(value, LINK, saved, m -> link(m.group(1), m.group(2)));
        value = protect(value, AUTOLINK, saved, m -> m.group(1));
        value = protect(value, BARE_URL, saved, m -> m.group());
        value = BOLD_ITALIC.matcher(value).replaceAll(m -> Matcher.quoteReplacement(BOLD + "_" + m.group(1) + "_" + BOLD));
        value = BOLD_STARS.matcher(value).replaceAll(m -> Matcher.quoteReplacement(BOLD + m.group(1) + BOLD));
        value = BOLD_UNDERSCORES.matcher(value).replaceAll(m -> Matcher.quoteReplacement(BOLD + m.group(1) + BOLD));
        value = ITALIC_STAR.matcher(value).replaceAll(m -> Matcher.quoteReplacement("_" + m.group(1) + "_"));
        value = STRIKE.matcher(value).replaceAll(m -> Matcher.quoteReplacement("~" + m.group(1) + "~"));
        value = value.replace(BOLD, '*');
        // Restore innermost-last: a link's text may itself hold protected code.
        String previous;
        do {
            previous = value;
            value = PROTECTED.matcher(value).replaceAll(m -> Matcher.quoteReplacement(saved.get(Integer.parseInt(m.group(1)))));
        } while (!value.equals(previous));
        return value;
    }

    private static String link(String text, String url) {
        String label = text == null ? "" : plainInline(text);
        if (label.isEmpty() || label.equals(url) || label.equals(url.replaceFirst("^(https?|mailto|tel):(//)?", ""))) {
            return url;
        }
        return label + " (" + url + ")";
    }

    private static String protect(String text, Pattern pattern, List<String> saved,
                                  java.util.function.Function<java.util.regex.MatchResult, String> replacement) {
        return pattern.matcher(text).replaceAll(m -> {
            saved.add(replacement.apply(m));
            return Matcher.quoteReplacement(PROTECT_OPEN + String.valueOf(saved.size() - 1) + PROTECT_CLOSE);
        });
    }
}
