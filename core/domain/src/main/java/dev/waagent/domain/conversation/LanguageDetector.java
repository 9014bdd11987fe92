package dev.waagent.domain.conversation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the customer's language among those our tenants serve: English, Hindi (Devanagari or romanized
 * "Hinglish") and Bahasa Indonesia. Lexical on purpose: short chat messages defeat statistical detectors,
 * and these three are told apart well by their function words.
 */
public final class LanguageDetector {

    public static final Locale HINDI = Locale.forLanguageTag("hi");
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Set<String> HINGLISH = Set.of(
            "hai", "hain", "kya", "kitna", "kitne", "kitni", "chahiye", "mujhe", "mera", "meri", "aap", "aapka",
            "kal", "aaj", "nahi", "nahin", "haan", "bhai", "kab", "kaise", "kaisa", "milega", "milegi", "dena",
            "karna", "karo", "ke", "ki", "ka", "ko", "se", "liye", "wala", "wali", "abhi", "thik", "theek", "accha",
            "acha", "ji", "bhaiya", "paisa", "rent", "din", "dino", "batao", "bataiye", "hoga", "hogi", "sakte");
    private static final Set<String> BAHASA = Set.of(
            "apa", "ada", "tidak", "nggak", "gak", "enggak", "bisa", "berapa", "harga", "mobil", "saya", "aku",
            "kak", "kakak", "mau", "ingin", "yang", "dan", "untuk", "dengan", "ini", "itu", "masih", "sudah",
            "belum", "terima", "kasih", "selamat", "pagi", "siang", "sore", "malam", "dong", "ya", "gan", "pak",
            "bu", "boleh", "kapan", "dimana", "bagaimana", "tolong", "cek", "stok", "unit", "bang", "min", "nya",
            "jual", "beli", "kredit", "cicilan", "bekas");
    private static final Set<String> ENGLISH = Set.of(
            "the", "is", "are", "do", "you", "have", "what", "how", "much", "price", "please", "can", "i", "want",
            "need", "rent", "available", "hello", "hi", "thanks", "thank", "when", "where", "my", "for", "and",
            "to", "of", "it", "this", "that", "with", "book", "tomorrow", "today");

    private LanguageDetector() {
    }

    /** The most likely language of {@code text}; English when nothing points elsewhere. */
    public static Locale detect(String text) {
        if (text == null || text.isBlank()) {
            return Locale.ENGLISH;
        }
        if (DEVANAGARI.matcher(text).find()) {
            return HINDI;
        }
        int hinglish = 0;
        int bahasa = 0;
        int english = 0;
        for (String word : WORD_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) {
                continue;
            }
            if (HINGLISH.contains(word)) {
                hinglish++;
            }
            if (BAHASA.contains(word)) {
                bahasa++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (bahasa > hinglish && bahasa >= english) {
            return INDONESIAN;
        }
        if (hinglish > bahasa && hinglish >= english) {
            return HINDI;
        }
        return Locale.ENGLISH;
    }
}
