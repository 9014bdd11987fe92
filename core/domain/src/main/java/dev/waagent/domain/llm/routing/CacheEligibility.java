package dev.waagent.domain.llm.routing;

import dev.waagent.domain.llm.LlmRequest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a turn may be answered from the response cache, and under which key.
 * <p>
 * Only FAQ-like turns qualify: one short message that stands on its own. Anything that depends on the
 * conversation or on the person is never cached: digits (dates, quantities, phone numbers, order numbers),
 * references to earlier turns ("it", "that one", "and for…"), and booking or personal words.
 */
public final class CacheEligibility {

    private static final int MAX_CHARS = 160;
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> STATEFUL_WORDS = Set.of(
            // references to earlier turns
            "it", "that", "those", "these", "same", "above", "again", "also", "and", "itu", "ini", "tadi", "yeh", "woh", "wahi",
            // bookings, orders and personal data
            "book", "booking", "reserve", "order", "my", "mine", "name", "address", "deliver", "cancel", "refund",
            "pesan", "saya", "aku", "nama", "alamat", "mujhe", "mera", "meri", "naam", "kal", "besok", "tomorrow", "today");

    private CacheEligibility() {
    }

    /** The cache key for this turn, or empty when the turn must not be cached. */
    public static Optional<String> keyFor(LlmRequest request, long contentVersion) {
        String turn = request.lastUserText();
        if (turn == null || turn.isBlank() || turn.length() > MAX_CHARS || turn.lines().count() > 1
                || DIGIT.matcher(turn).find() || !request.tools().isEmpty()) {
            return Optional.empty();
        }
        String normalized = normalize(turn);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        for (String word : normalized.split(" ")) {
            if (STATEFUL_WORDS.contains(word)) {
                return Optional.empty();
            }
        }
        return Optional.of("v" + contentVersion + ":" + request.language().getLanguage() + ":" + normalized);
    }

    /** Lower case, no accents or punctuation, single spaces: "What are your HOURS??" and "what are your hours" meet. */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        folded = NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }
}
