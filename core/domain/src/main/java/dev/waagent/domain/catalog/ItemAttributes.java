package dev.waagent.domain.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a customer's question asks for one of the attributes a catalog item's entry holds ("warnanya apa?" of a
 * car whose entry has a colour, "what's its mileage?" of one with {@code mileage_km}), in English, Hinglish and
 * Bahasa. Then the catalog answers it, so the answer is supported by the business's own data.
 */
public final class ItemAttributes {

    /** How customers ask for the attributes tenants usually list, by the attribute key's leading word. */
    private static final Map<String, Pattern> ASKED_AS = Map.of(
            "colour", words("colou?rs?|warna\\p{L}*|rang"),
            "color", words("colou?rs?|warna\\p{L}*|rang"),
            "mileage", words("mileage|kms?|kilomet(?:er|re)s?\\p{L}*|odometer|jarak tempuh"),
            "year", words("year|model year|tahun\\p{L}*|saal"),
            "transmission", words("transmission|transmisi\\p{L}*|matic|automatic|manual|gear"),
            "fuel", words("fuel|diesel|petrol|bensin\\p{L}*|solar"));

    /** Other keys, asked for by their own name; tenants' catalogs use a handful, so this stays small. */
    private static final Map<String, Pattern> BY_NAME = new java.util.concurrent.ConcurrentHashMap<>();

    private ItemAttributes() {
    }

    public static boolean asksAbout(String question, CatalogItem item) {
        return !askedFor(question, item).isEmpty();
    }

    /** The keys of the item's attributes the question asks for, in the entry's order. */
    public static List<String> askedFor(String question, CatalogItem item) {
        if (question == null || item.attributes().isEmpty()) {
            return List.of();
        }
        String text = question.toLowerCase(Locale.ROOT);
        List<String> asked = new ArrayList<>();
        for (String key : item.attributes().keySet()) {
            String normalized = key.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
            String leading = normalized.split(" ")[0];
            Pattern pattern = ASKED_AS.get(leading);
            if (pattern == null) {
                pattern = BY_NAME.computeIfAbsent(normalized, name -> words(Pattern.quote(name)));
            }
            if (pattern.matcher(text).find()) {
                asked.add(key);
            }
        }
        return asked;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
