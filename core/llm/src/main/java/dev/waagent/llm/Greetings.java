package dev.waagent.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a message that is only a greeting ("hi", "halo kak", "namaste ji", "selamat pagi", "नमस्ते") in
 * English, Hinglish, Hindi and Bahasa Indonesia. Anything with content beyond the greeting ("hi, is the FX3
 * free tomorrow?") is not one: it deserves a real answer, which the local responder cannot give.
 */
final class Greetings {

    /** Letters with their combining marks (Devanagari vowel signs are marks), and digits. */
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    /** "hiiii", "hellooo", "heyyy": a letter repeated three or more times is read once. */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    private static final Set<String> GREETINGS = Set.of(
            "hi", "hii", "hello", "helo", "hallo", "halo", "hey", "hlo", "hai", "heya", "hiya", "howdy", "yo",
            "hi hello", "hello hello", "halo halo", "hey there", "greetings",
            "good morning", "good afternoon", "good evening", "good day", "morning", "gm",
            "namaste", "namaskar", "namaskaar", "namastey", "pranam", "ram ram", "jai shri krishna", "sat sri akal",
            "salaam", "salam", "assalamualaikum", "assalamu alaikum", "asalamualaikum", "assalamualaikum wr wb",
            "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "pagi", "siang", "sore", "malam",
            "permisi", "punten", "hai kak",
            "नमस्ते", "नमस्कार", "प्रणाम", "राम राम", "हेलो", "हाय", "हैलो");

    /** Forms of address that may accompany a greeting without adding content. */
    private static final Set<String> ADDRESS = Set.of(
            "there", "all", "everyone", "team", "sir", "madam", "maam", "mam", "bro", "dear", "friend", "admin",
            "ji", "bhai", "bhaiya", "didi", "sahab", "saheb", "sab", "ko",
            "kak", "kakak", "ka", "gan", "agan", "min", "mimin", "pak", "bu", "bang", "mas", "mbak", "sis", "om",
            "जी", "भाई", "भैया", "सर");

    private Greetings() {
    }

    static boolean isGreetingOnly(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = STRETCHED.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("$1");
        List<String> words = new ArrayList<>();
        for (String word : WORD_SPLIT.split(lower)) {
            if (!word.isEmpty() && !ADDRESS.contains(word)) {
                words.add(word);
            }
        }
        return !words.isEmpty() && GREETINGS.contains(String.join(" ", words));
    }
}
