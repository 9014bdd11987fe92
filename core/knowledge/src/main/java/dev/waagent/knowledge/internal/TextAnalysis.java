package dev.waagent.knowledge.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tokenising for lexical search in English, Hinglish and Bahasa Indonesia: case and accent folding, splitting on
 * anything that is not a letter or digit, a light suffix stripper (English plurals, the Bahasa "-nya"), and a
 * short stopword list of words that carry no topic in any of the three languages.
 */
public final class TextAnalysis {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Function words only: BM25's IDF handles the rest; words like "berapa" or "kitna" (how much) stay. */
    private static final Set<String> STOPWORDS = Set.copyOf(List.of(
            // English
            "a", "an", "the", "is", "are", "was", "were", "be", "am", "do", "does", "did", "i", "me", "my", "you",
            "your", "we", "our", "it", "its", "this", "that", "these", "those", "of", "to", "in", "on", "at", "for",
            "and", "or", "but", "with", "from", "by", "as", "so", "if", "any", "some", "there", "here", "please",
            "hi", "hello", "hey", "pls", "plz", "ok", "okay", "thanks", "thank", "u", "ur",
            // Hinglish
            "hai", "hain", "ka", "ki", "ke", "ko", "se", "mein", "me", "bhi", "ho", "na", "ji", "bhai", "bhaiya",
            "yeh", "ye", "woh", "wo", "aap", "ap", "main", "hum", "toh",
            // Bahasa Indonesia
            "yang", "dan", "di", "dari", "ini", "itu", "saya", "aku", "kak", "kakak", "ya", "dong", "gan", "min",
            "nya", "untuk", "dengan", "pak", "bu", "mas", "mbak", "halo", "tolong", "deh", "sih", "kah"));

    private TextAnalysis() {
    }

    /** Lower case, accents removed (é → e), so "Café" and "cafe" meet. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Folded words, in order, stopwords kept (catalog matching needs every word). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : SPLIT.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Index terms: folded, stemmed, without stopwords. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : SPLIT.split(fold(text))) {
            if (!word.isEmpty() && !STOPWORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /**
     * Search terms: {@link #terms} plus product codes joined from adjacent words, so "FX 3", "fx3", "A7S III" and
     * "a7siii" meet on {@code fx3} and {@code a7s3}.
     */
    public static List<String> searchTerms(String text) {
        List<String> terms = terms(text);
        List<String> canonical = ProductCodes.canonicalWords(words(text));
        for (int i = 0; i + 1 < canonical.size(); i++) {
            String left = canonical.get(i);
            String right = canonical.get(i + 1);
            if ((ProductCodes.hasDigit(left) || ProductCodes.hasDigit(right)) && left.length() + right.length() <= 12) {
                terms.add(left + right);
            }
        }
        for (String word : canonical) {
            if (ProductCodes.hasDigit(word) && !terms.contains(word)) {
                terms.add(word);
            }
        }
        return terms;
    }

    public static boolean isStopword(String foldedWord) {
        return STOPWORDS.contains(foldedWord);
    }

    /** Words the suffix rules would break, in the trade's vocabulary. */
    private static final java.util.Map<String, String> IRREGULAR = java.util.Map.of(
            "lens", "lens", "lenses", "lens", "series", "series", "news", "news", "bus", "bus", "gas", "gas");

    /** Porter's step 1a for English plurals, plus the Bahasa possessive/definite suffix "-nya". */
    static String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        int length = word.length();
        if (length <= 3 || Character.isDigit(word.charAt(length - 1))) {
            return word;
        }
        if (length > 5 && word.endsWith("nya")) {
            return word.substring(0, length - 3);
        }
        if (word.endsWith("sses")) {
            return word.substring(0, length - 2);
        }
        if (word.endsWith("ies")) {
            return word.substring(0, length - 3) + "y";
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("s")) {
            return word.substring(0, length - 1);
        }
        return word;
    }
}
