package dev.waagent.domain.memory;

import dev.waagent.domain.catalog.CatalogMatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key facts of a conversation as {@code "key: value"} lines (name, item, dates, budget, location), extracted from
 * each customer turn by rules in English, Hinglish and Bahasa, and merged into what the conversation remembers:
 * a new value replaces the old one of the same key (an upsert); facts without a key (the summarizer's) stay.
 */
public final class KeyFacts {

    public static final String NAME = "name";
    public static final String ITEM = "item";
    public static final String DATES = "dates";
    public static final String BUDGET = "budget";
    public static final String LOCATION = "location";
    /** A fuzzy catalog match at least this close is the item the customer meant. */
    public static final double CLOSE_MATCH = 0.6;

    private static final int MAX_FACTS = 12;
    private static final int MAX_VALUE_CHARS = 60;

    private static final Pattern NAME_PATTERN = Pattern.compile(
            "(?i:my name is|i am|i'm|this is|mera naam|naam hai|nama saya|saya adalah|saya)\\s+([A-Z][\\p{L}]{1,20}(?:\\s[A-Z][\\p{L}]{1,20})?)"
                    + "|([A-Z][\\p{L}]{1,20})\\s+(?i:here|bol raha|bol rahi|hoon)\\b");
    private static final String DAY = "(?:today|tomorrow|tonight|day after tomorrow|this weekend|next week|weekend"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
            + "|aaj|kal|parso|besok|lusa|hari ini|minggu depan|akhir pekan|senin|selasa|rabu|kamis|jumat|sabtu|minggu"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|to|sampai|se)?\\s*\\d{0,2}(?:st|nd|rd|th)?\\s*(?:jan|feb|mar|apr|may|mei|jun|jul|aug|agu|sep|oct|okt|nov|dec|des)[a-z]*"
            + "|\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?)";
    private static final Pattern DATES_PATTERN = Pattern.compile("\\b(" + DAY + "(?:\\s*(?:to|-|and|sampai|se|tak|aur)\\s*" + DAY + ")?"
            + "(?:\\s+(?:for\\s+)?\\d{1,2}\\s*(?:days?|din|hari))?|(?:for\\s+)?\\d{1,2}\\s*(?:days?|din|hari))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUDGET_PATTERN = Pattern.compile(
            "(?:budget|under|below|within|max(?:imum)?|upto|up to|dana|anggaran|maksimal|kurang dari|tak)\\s*(?:of|is|hai|sekitar|around)?\\s*"
                    + "((?:₹|rs\\.?|rp\\.?|inr|idr)?\\s*\\d[\\d.,]*\\s*(?:k|juta|jt|ribu|rb|lakh|lac)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCATION_PATTERN = Pattern.compile(
            "(?i:i am in|i'm in|i live in|based in|located in|deliver to|pickup (?:from|in)|from|main|saya di|tinggal di|dari|lokasi(?: saya)?|daerah)\\s+"
                    + "([A-Z][\\p{L}]{2,20}(?:\\s[A-Z][\\p{L}]{2,20})?)");
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("Interested", "Looking", "Available", "Here",
            "Mau", "Ingin", "Tertarik", "Bisa", "Sony", "Canon", "Toyota", "Honda", "Not", "Sorry", "Fine", "Ok", "Okay");

    private KeyFacts() {
    }

    /** The facts one customer turn states; {@code matches} are the catalog items it names. */
    public static List<String> extract(String text, List<CatalogMatch> matches) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Matcher name = NAME_PATTERN.matcher(text);
        while (name.find()) {
            String value = name.group(1) != null ? name.group(1) : name.group(2);
            if (value != null && !NOT_NAMES.contains(value.split(" ")[0])) {
                facts.put(NAME, value);
                break;
            }
        }
        matches.stream().filter(match -> match.kind() != CatalogMatch.Kind.SEMANTIC && match.confidence() >= CLOSE_MATCH)
                .findFirst().ifPresent(match -> facts.put(ITEM, match.item().name()));
        Matcher dates = DATES_PATTERN.matcher(text);
        if (dates.find()) {
            facts.put(DATES, dates.group(1).strip());
        }
        Matcher budget = BUDGET_PATTERN.matcher(text);
        if (budget.find()) {
            facts.put(BUDGET, budget.group(1).strip());
        }
        Matcher location = LOCATION_PATTERN.matcher(text);
        if (location.find()) {
            facts.put(LOCATION, location.group(1).strip());
        }
        List<String> lines = new ArrayList<>();
        facts.forEach((key, value) -> lines.add(key + ": " + clip(value)));
        return lines;
    }

    /** {@code existing} with {@code extracted} upserted by key; the newest facts last, at most a dozen kept. */
    public static List<String> merge(List<String> existing, List<String> extracted) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String fact : existing) {
            merged.put(keyOf(fact).orElse(fact), fact);
        }
        for (String fact : extracted) {
            String key = keyOf(fact).orElse(fact);
            merged.remove(key);
            merged.put(key, fact);
        }
        List<String> facts = new ArrayList<>(merged.values());
        return facts.size() <= MAX_FACTS ? facts : facts.subList(facts.size() - MAX_FACTS, facts.size());
    }

    /** The facts of {@code facts} that carry one of the keys above, in order (the summarizer's free facts left out). */
    public static List<String> keyedOnly(List<String> facts) {
        return facts.stream().filter(fact -> keyOf(fact).isPresent()).toList();
    }

    /** The value of a keyed fact ({@code item} → "Sony FX3"), newest first. */
    public static Optional<String> value(List<String> facts, String key) {
        for (int i = facts.size() - 1; i >= 0; i--) {
            Optional<String> factKey = keyOf(facts.get(i));
            if (factKey.isPresent() && factKey.get().equals(key)) {
                return Optional.of(facts.get(i).substring(facts.get(i).indexOf(':') + 1).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> keyOf(String fact) {
        int colon = fact.indexOf(':');
        if (colon <= 0 || colon > 12) {
            return Optional.empty();
        }
        String key = fact.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        return List.of(NAME, ITEM, DATES, BUDGET, LOCATION).contains(key) ? Optional.of(key) : Optional.empty();
    }

    private static String clip(String value) {
        String single = value.replaceAll("\\s+", " ").strip();
        return single.length() <= MAX_VALUE_CHARS ? single : single.substring(0, MAX_VALUE_CHARS);
    }
}
