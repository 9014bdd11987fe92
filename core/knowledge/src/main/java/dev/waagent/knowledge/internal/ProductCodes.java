package dev.waagent.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical keys for product names as customers type them: "Sony A7S III", "a7siii", "a7s 3" and "A7S Mark III"
 * all become {@code a7s3}; "FX 3" and "fx3" become {@code fx3}. Spacing, case and punctuation are dropped and
 * generation markers (roman numerals, "mark"/"mk") become digits.
 */
public final class ProductCodes {

    private static final Pattern ROMAN_SUFFIX = Pattern.compile("^(.*\\d.*?)(iii|ii|iv)$");
    private static final Pattern MARK_TOKEN = Pattern.compile("^(?:mark|mk)(iii|ii|iv|\\d)$");

    private ProductCodes() {
    }

    /** The words of {@code text} with generation markers as digits ("a7s", "iii" → "a7s", "3"). */
    public static List<String> canonicalWords(List<String> foldedWords) {
        List<String> out = new ArrayList<>(foldedWords.size());
        for (int i = 0; i < foldedWords.size(); i++) {
            String word = foldedWords.get(i);
            if ((word.equals("mark") || word.equals("mk")) && i + 1 < foldedWords.size()) {
                continue; // "mark iii" → "3": the marker carries nothing the number doesn't
            }
            Matcher mark = MARK_TOKEN.matcher(word);
            if (mark.matches()) {
                out.add(romanToDigit(mark.group(1)));
                continue;
            }
            String roman = romanToDigit(word);
            boolean afterModel = i > 0 && (hasDigit(foldedWords.get(i - 1))
                    || foldedWords.get(i - 1).equals("mark") || foldedWords.get(i - 1).equals("mk"));
            if (!roman.equals(word) && afterModel) {
                out.add(roman);
                continue;
            }
            Matcher suffix = ROMAN_SUFFIX.matcher(word);
            if (suffix.matches()) {
                out.add(suffix.group(1) + romanToDigit(suffix.group(2)));
                continue;
            }
            out.add(word);
        }
        return out;
    }

    /** The compact key: canonical words joined without spaces. */
    public static String key(List<String> foldedWords) {
        return String.join("", canonicalWords(foldedWords));
    }

    public static String key(String text) {
        return key(TextAnalysis.words(text));
    }

    static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String romanToDigit(String word) {
        return switch (word) {
            case "ii" -> "2";
            case "iii" -> "3";
            case "iv" -> "4";
            default -> word;
        };
    }
}
