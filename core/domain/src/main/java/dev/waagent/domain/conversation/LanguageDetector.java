package dev.waagent.domain.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guesses the customer's language among those our tenants serve: English, Hindi (Devanagari or romanized
 * "Hinglish") and Bahasa Indonesia. Lexical on purpose: short chat messages defeat statistical detectors,
 * and these three are told apart well by their function words. A message with no telling word ("ok", "brp?", "FX3
 * 2 days") keeps the language the customer wrote in before, else the business's first language
 * ({@link #detect(String, ConversationSnapshot, List)}).
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
            "acha", "ji", "bhaiya", "paisa", "rent", "din", "dino", "batao", "bataiye", "hoga", "hogi", "sakte",
            "bhi", "mein", "hum", "kahan", "kyun", "kyu", "yaar", "bhejo", "bata", "chahte", "lena", "lene", "wapas",
            "kar", "kardo", "dijiye", "kijiye", "raha", "rahi", "rahe", "tha", "thi", "gaya", "gayi", "koi", "kuch");
    private static final Set<String> BAHASA = Set.of(
            "apa", "ada", "tidak", "nggak", "gak", "enggak", "bisa", "berapa", "harga", "mobil", "saya", "aku",
            "kak", "kakak", "mau", "ingin", "yang", "dan", "untuk", "dengan", "ini", "itu", "masih", "sudah",
            "belum", "terima", "kasih", "selamat", "pagi", "siang", "sore", "malam", "dong", "ya", "gan", "pak",
            "bu", "boleh", "kapan", "dimana", "bagaimana", "tolong", "cek", "stok", "unit", "bang", "min", "nya",
            "jual", "beli", "kredit", "cicilan", "bekas", "brp", "gmn", "gimana", "yg", "sih", "aja", "kah", "nego",
            "tanya", "lihat", "liat", "besok", "lusa", "bisakah", "mas", "mbak", "ga", "gk", "tdk", "udah", "sdh",
            "blm", "mohon", "kok", "juga", "atau", "kalau", "kalo", "tahun", "tanggal", "hari", "jam");
    private static final Set<String> ENGLISH = Set.of(
            "the", "is", "are", "do", "you", "have", "what", "how", "much", "price", "please", "can", "i", "want",
            "need", "rent", "available", "hello", "hi", "thanks", "thank", "when", "where", "my", "for", "and",
            "to", "of", "it", "this", "that", "with", "book", "tomorrow", "today", "would", "could", "your", "me", "we",
            "there", "any", "cost", "day", "days", "does", "will", "open");

    private LanguageDetector() {
    }

    /** The most likely language of {@code text}; English when nothing points elsewhere. */
    public static Locale detect(String text) {
        return telling(text).orElse(Locale.ENGLISH);
    }

    /**
     * The language to answer a turn in: the turn's own when a word tells it, else that of the customer's latest
     * earlier message that tells one (a Bahasa conversation's "ok, brp?" is still Bahasa), else the business's first
     * language (ISO 639-1 codes, as {@code Tenant#languages()}), else English.
     */
    public static Locale detect(String customerTurn, ConversationSnapshot snapshot, List<String> businessLanguages) {
        Optional<Locale> own = telling(customerTurn);
        if (own.isPresent()) {
            return own.get();
        }
        List<StoredMessage> earlier = snapshot == null ? List.of() : snapshot.recentMessages();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            StoredMessage message = earlier.get(i);
            if (message.isInbound()) {
                Optional<Locale> before = telling(message.text());
                if (before.isPresent()) {
                    return before.get();
                }
            }
        }
        String first = businessLanguages == null || businessLanguages.isEmpty() ? "" : businessLanguages.get(0);
        return switch (first) {
            case "id", "in" -> INDONESIAN;
            case "hi" -> HINDI;
            default -> Locale.ENGLISH;
        };
    }

    /** The language a text's words point to, empty when no word tells (or two languages tie). */
    private static Optional<Locale> telling(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (DEVANAGARI.matcher(text).find()) {
            return Optional.of(HINDI);
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
            if (BAHASA.contains(word) || bahasaPossessive(word)) {
                bahasa++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (bahasa > hinglish && bahasa >= english) {
            return Optional.of(INDONESIAN);
        }
        if (hinglish > bahasa && hinglish >= english) {
            return Optional.of(HINDI);
        }
        return english > 0 ? Optional.of(Locale.ENGLISH) : Optional.empty();
    }

    /** "harganya", "warnanya", "kilometernya": Bahasa's -nya on a word long enough not to be an English one. */
    private static boolean bahasaPossessive(String word) {
        return word.length() >= 6 && word.endsWith("nya");
    }
}
