package dev.waagent.llm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed texts of the local responder, one set per language our tenants serve. They promise nothing but a
 * human follow-up, contain no facts (no prices, no availability, no numbers at all) and read naturally on
 * WhatsApp. Hindi is answered in the script the customer wrote in.
 */
enum LocalReplies {

    ENGLISH(
            "Hello! How can we help you today?",
            "Thanks for your message! Our team will get back to you shortly."),
    HINGLISH(
            "Namaste! Bataiye, hum aapki kya madad kar sakte hain?",
            "Aapke message ke liye dhanyavaad! Hamari team jald hi aapko reply karegi."),
    HINDI_DEVANAGARI(
            "नमस्ते! बताइए, हम आपकी क्या मदद कर सकते हैं?",
            "आपके संदेश के लिए धन्यवाद! हमारी टीम जल्द ही आपको जवाब देगी।"),
    INDONESIAN(
            "Halo kak! Ada yang bisa kami bantu?",
            "Terima kasih atas pesannya, kak! Tim kami akan segera membalas.");

    private static final Pattern DEVANAGARI = Pattern.compile("[\\u0900-\\u097F]");

    private final String greeting;
    private final String holding;

    LocalReplies(String greeting, String holding) {
        this.greeting = greeting;
        this.holding = holding;
    }

    String greeting() {
        return greeting;
    }

    String holding() {
        return holding;
    }

    /**
     * @param language      the customer's language as the conversation detected it
     * @param customerText  the message being answered, to pick the script for Hindi
     */
    static LocalReplies forLanguage(Locale language, String customerText) {
        String code = language == null ? "" : language.getLanguage();
        return switch (code) {
            case "hi" -> customerText != null && DEVANAGARI.matcher(customerText).find() ? HINDI_DEVANAGARI : HINGLISH;
            // "in" is the pre-2003 code for Indonesian that older JDKs still report for "id".
            case "id", "in" -> INDONESIAN;
            default -> ENGLISH;
        };
    }
}
