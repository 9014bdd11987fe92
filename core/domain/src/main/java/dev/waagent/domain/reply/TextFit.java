package dev.waagent.domain.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text fit a limit with care: shortens at a word boundary with an ellipsis, splits at paragraph and sentence
 * boundaries, never inside a surrogate pair (an emoji), and keeps {@code ```} code blocks closed in every piece.
 */
public final class TextFit {

    public static final String ELLIPSIS = "…";

    private static final String FENCE = "```";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Characters that end a sentence (Latin, CJK, Devanagari danda). */
    private static final String SENTENCE_END = ".!?…。！？।";
    /** What may follow a sentence end before the space: closing quotes and brackets. */
    private static final String CLOSERS = "\"'”’)]»*_~";
    private static final String DANGLING = ",;:-–—(/&+";

    private TextFit() {
    }

    /** All whitespace runs (new lines included) as single spaces, stripped. */
    public static String oneLine(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * {@code text} stripped; if still longer than {@code max}, cut at the last word boundary in the second half of the
     * allowance (else mid-word), trailing punctuation dropped, and an ellipsis appended, so the result has at most
     * {@code max} characters.
     */
    public static String shorten(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        String value = text == null ? "" : text.strip();
        if (value.length() <= max) {
            return value;
        }
        if (max == 1) {
            return ELLIPSIS;
        }
        int limit = max - ELLIPSIS.length();
        int cut = -1;
        for (int i = limit; i >= Math.max(1, limit / 2); i--) {
            if (Character.isWhitespace(value.charAt(i))) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            cut = safeCut(value, limit);
        }
        String head = trimDangling(value.substring(0, cut));
        if (head.isEmpty()) {
            head = value.substring(0, safeCut(value, limit)).strip();
        }
        return head + ELLIPSIS;
    }

    /**
     * Splits {@code text} into pieces of at most {@code max} characters, preferring (in order) a paragraph break in
     * the second half of the allowance, then a sentence end, a line break or a space in its last 70 %, else a hard
     * cut. A piece that would leave a {@code ```} block open is closed and the next one reopens it.
     *
     * @return the stripped pieces, none empty; empty for blank text
     */
    public static List<String> split(String text, int max) {
        if (max < 16) {
            throw new IllegalArgumentException("max must be at least 16 to split with care");
        }
        List<String> pieces = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        boolean fenced = rest.contains(FENCE);
        while (rest.length() > max) {
            int budget = fenced ? max - FENCE.length() - 1 : max;
            int cut = cutPoint(rest, budget);
            String piece = rest.substring(0, cut).stripTrailing();
            rest = rest.substring(cut).stripLeading();
            if (fenced && openFence(piece)) {
                piece = piece + "\n" + FENCE;
                rest = FENCE + "\n" + rest;
            }
            if (!piece.isBlank()) {
                pieces.add(piece);
            }
        }
        if (!rest.isBlank()) {
            pieces.add(rest);
        }
        return List.copyOf(pieces);
    }

    /**
     * Splits off the longest ending of {@code text} that fits {@code max} and starts at a paragraph, line or sentence
     * boundary: the part that stays with buttons or a list (usually the question), the head going before as text.
     * Without such a boundary, the ending starts at a word boundary after an ellipsis.
     */
    public static Tail splitTail(String text, int max) {
        if (max < 16) {
            throw new IllegalArgumentException("max must be at least 16 to split with care");
        }
        String value = text == null ? "" : text.strip();
        if (value.length() <= max) {
            return new Tail("", value);
        }
        int earliest = value.length() - max;
        for (int p = earliest; p < value.length(); p++) {
            if (startsSegment(value, p)) {
                String tail = value.substring(p).strip();
                if (!tail.isEmpty() && tail.length() <= max) {
                    return new Tail(value.substring(0, p).strip(), tail);
                }
            }
        }
        int p = earliest + ELLIPSIS.length();
        while (p < value.length() && !Character.isWhitespace(value.charAt(p - 1))) {
            p++;
        }
        if (p >= value.length() - 1 || p > earliest + max / 2) {
            p = earliest + ELLIPSIS.length();
            if (Character.isLowSurrogate(value.charAt(p))) {
                p++;
            }
        }
        return new Tail(value.substring(0, p).strip(), ELLIPSIS + value.substring(p).strip());
    }

    /** @param head what goes before, possibly empty; @param tail at most the requested length */
    public record Tail(String head, String tail) {
    }

    private static int cutPoint(String text, int budget) {
        int paragraph = text.lastIndexOf("\n\n", budget);
        if (paragraph >= budget / 2) {
            return paragraph;
        }
        int floor = (int) (budget * 0.3);
        for (int i = budget; i > floor; i--) {
            if (i < text.length() && Character.isWhitespace(text.charAt(i)) && endsSentence(text, i)) {
                return i;
            }
        }
        int line = text.lastIndexOf('\n', budget);
        if (line > floor) {
            return line;
        }
        for (int i = budget; i > floor; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return safeCut(text, budget);
    }

    /** Whether the text before {@code space} ends a sentence and the text after it starts a new one. */
    private static boolean endsSentence(String text, int space) {
        int end = space - 1;
        while (end > 0 && CLOSERS.indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        if (end < 1 || SENTENCE_END.indexOf(text.charAt(end)) < 0) {
            return false;
        }
        // "e.g. this", "J. Smith": a one-letter word before the dot is an abbreviation or an initial.
        if (text.charAt(end) == '.' && (end < 2 || !Character.isLetterOrDigit(text.charAt(end - 2)))) {
            return false;
        }
        int next = space;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next >= text.length() || !Character.isLowerCase(text.codePointAt(next));
    }

    private static boolean startsSegment(String text, int p) {
        if (p == 0) {
            return true;
        }
        char before = text.charAt(p - 1);
        if (Character.isWhitespace(text.charAt(p))) {
            return false;
        }
        if (before == '\n') {
            return true;
        }
        return Character.isWhitespace(before) && endsSentence(text, p - 1);
    }

    private static boolean openFence(String piece) {
        int count = 0;
        for (int i = piece.indexOf(FENCE); i >= 0; i = piece.indexOf(FENCE, i + FENCE.length())) {
            count++;
        }
        return count % 2 == 1;
    }

    /** {@code index}, moved back one if it would split a surrogate pair. */
    static int safeCut(String text, int index) {
        if (index <= 0 || index >= text.length()) {
            return Math.max(0, Math.min(index, text.length()));
        }
        return Character.isHighSurrogate(text.charAt(index - 1)) ? index - 1 : index;
    }

    private static String trimDangling(String text) {
        String value = text.stripTrailing();
        while (!value.isEmpty() && (DANGLING.indexOf(value.charAt(value.length() - 1)) >= 0
                || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}
