package dev.waagent.domain.turn;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.handoff.HandoffDecision;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Routes a customer turn by rules that must hold whatever a model would say: consent first (honoured always),
 * then spam, then a person's ownership of the conversation, then an explicit request for a person (whose patterns
 * live with the rest of the handoff rules in {@link HandoffDecision}).
 */
public final class ConversationPolicy {

    private static final Set<String> STOP_WORDS = Set.of("stop", "unsubscribe", "stop all", "stopall", "berhenti",
            "stop pesan", "jangan kirim lagi", "band karo", "bandh karo", "mat bhejo", "opt out", "optout", "cancel subscription");
    private static final Set<String> START_WORDS = Set.of("start", "subscribe", "unstop", "mulai", "mulai lagi",
            "shuru", "shuru karo", "opt in", "optin");
    private static final List<Pattern> SPAM = List.of(
            Pattern.compile("\\b(pulsa|voucher|hadiah|undian|giveaway|lottery|lotre|jackpot)\\b"),
            Pattern.compile("\\b(you have won|selamat anda|anda memenangkan|claim your prize|free recharge)\\b"),
            Pattern.compile("\\b(slot gacor|judi|casino|crypto signal|investasi pasti untung)\\b"),
            Pattern.compile("(bit\\.ly|tinyurl\\.com|s\\.id)/\\S+"));
    private ConversationPolicy() {
    }

    /** @param customerTurn every waiting message of the customer, joined in order */
    public static TurnRoute route(Conversation conversation, String customerTurn) {
        String normalized = normalize(customerTurn);
        // Consent words count only as the whole message ("please stop the rental on Friday" is not an opt-out).
        String bare = normalized.replaceAll("[./]+", " ").replaceAll("\\s+", " ").strip();
        if (STOP_WORDS.contains(bare)) {
            return TurnRoute.OPT_OUT;
        }
        if (START_WORDS.contains(bare)) {
            return conversation.optedOut() ? TurnRoute.OPT_IN : TurnRoute.ANSWER;
        }
        if (conversation.optedOut()) {
            return TurnRoute.OPTED_OUT_SILENT;
        }
        if (SPAM.stream().anyMatch(p -> p.matcher(normalized).find())) {
            return TurnRoute.SPAM;
        }
        if (conversation.handedOff()) {
            return TurnRoute.HANDED_OFF_SILENT;
        }
        // Whether a person really takes over is HandoffDecision's call (tenant rules, topics, opening hours).
        if (HandoffDecision.asksForPerson(normalized) || HandoffDecision.soundsAngry(normalized)) {
            return TurnRoute.HANDOFF;
        }
        return TurnRoute.ANSWER;
    }

    /** What the customer is told, in their language. */
    public static String confirmation(TurnRoute route, Locale language, String businessName) {
        boolean bahasa = language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage());
        boolean hindi = language.getLanguage().equals(LanguageDetector.HINDI.getLanguage());
        return switch (route) {
            case OPT_OUT -> bahasa ? "Baik, Anda tidak akan menerima pesan lagi dari " + businessName + ". Balas MULAI kapan saja untuk berlangganan kembali."
                    : hindi ? "Theek hai, ab aapko " + businessName + " se koi message nahi aayega. Wapas shuru karne ke liye START bhejiye."
                    : "Done: you won't get any more messages from " + businessName + ". Reply START any time to hear from us again.";
            case OPT_IN -> bahasa ? "Selamat datang kembali! Ada yang bisa kami bantu?"
                    : hindi ? "Welcome back! Bataiye, hum kya madad kar sakte hain?"
                    : "Welcome back! How can we help?";
            case HANDOFF -> bahasa ? "Baik, saya sambungkan dengan tim kami. Mereka akan membalas di chat ini secepatnya."
                    : hindi ? "Theek hai, main aapko hamari team se jod rahi hoon. Woh isi chat mein jald reply karenge."
                    : "Sure, I'm passing you to our team. A person will reply here as soon as they can.";
            default -> throw new IllegalArgumentException("no confirmation for " + route);
        };
    }

    static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\p{Punct}&&[^./]]+", " ").replaceAll("\\s+", " ").strip();
    }
}
