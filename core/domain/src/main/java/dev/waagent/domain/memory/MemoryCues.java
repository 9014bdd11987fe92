package dev.waagent.domain.memory;

import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.StoredMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the conversation's memory says about this turn: a customer returning after the context expired (their
 * previous topic, from the key facts), a customer asking whether we forgot their question (the last one left
 * unanswered), and a follow-up about the item already being discussed ("warnanya apa?", "what's its mileage?").
 */
public final class MemoryCues {

    private static final Pattern FORGOT = Pattern.compile(
            "(did you forget|you forgot|forgot my question|didn'?t answer|no answer|still waiting|you missed my|answer my question"
                    + "|mera sawal|jawab nahi|jawab do|bhool gaye|bhul gaye|lupa (?:ya|pertanyaan)|kok belum dijawab|belum dijawab|pertanyaan saya tadi)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^(?:is|are|do|does|can|could|what|when|where|how|which|kya|kitna|kitne|kab|kahan|apa|berapa|kapan|dimana|bisa|ada)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words that point back at the item under discussion, or ask for one of an item's attributes: Bahasa's possessive
     * "-nya" (warnanya, kilometernya, tahunnya), English "its / that one" and attribute names (not a bare "it": "is it open on Sunday?"), Hinglish
     * "iska / uska / isme". Without a named item such a turn is still about the item in focus.
     */
    private static final Pattern ABOUT_ITEM_IN_FOCUS = Pattern.compile(
            "\\b(?:its|that one|this one|the same one)\\b"
                    + "|\\b(?:colou?r|mileage|kilomet(?:er|re)s?|odometer|transmission|warna|transmisi|jarak tempuh|rang)\\b"
                    + "|\\b(?:iska|iski|iske|uska|uski|uske|isme|usme|yeh wala|woh wala|ye wala|wo wala)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Bahasa's possessive "-nya" (warnanya = its colour), on a word of its own of at least three letters. */
    private static final Pattern POSSESSIVE_NYA = Pattern.compile("\\b(\\p{L}{3,}nya)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "-nya" words that are adverbs or verbs, not "its …" (bertanya = to ask, sebenarnya = actually, …). */
    private static final Set<String> NYA_NOT_ABOUT_AN_ITEM = Set.of("bertanya", "menanya", "ditanya", "sebenarnya",
            "biasanya", "sepertinya", "kayaknya", "katanya", "rasanya", "akhirnya", "selanjutnya", "sebelumnya",
            "sesudahnya", "setelahnya", "tampaknya", "sayangnya", "untungnya", "makanya", "pokoknya", "seharusnya",
            "semestinya", "misalnya", "contohnya", "intinya", "gimananya", "bagaimananya", "caranya", "kapannya");

    private MemoryCues() {
    }

    /** Whether a turn that names no item asks about the one already being discussed (see {@link #ABOUT_ITEM_IN_FOCUS}). */
    public static boolean asksAboutItemInFocus(String customerTurn) {
        if (customerTurn == null) {
            return false;
        }
        if (ABOUT_ITEM_IN_FOCUS.matcher(customerTurn).find()) {
            return true;
        }
        java.util.regex.Matcher nya = POSSESSIVE_NYA.matcher(customerTurn);
        while (nya.find()) {
            if (!NYA_NOT_ABOUT_AN_ITEM.contains(nya.group(1).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public static boolean asksAboutForgottenQuestion(String customerTurn) {
        return customerTurn != null && FORGOT.matcher(customerTurn).find();
    }

    /**
     * The customer's last question before this turn that got no real answer (no reply after it, or only a holding
     * reply that promised a person); the last question at all when every one was answered.
     */
    public static Optional<StoredMessage> forgottenQuestion(ConversationSnapshot snapshot, List<StoredMessage> toAnswer) {
        Set<String> current = toAnswer.stream().map(StoredMessage::messageId).collect(Collectors.toSet());
        List<StoredMessage> earlier = new ArrayList<>(snapshot.recentMessages().stream()
                .filter(message -> !current.contains(message.messageId()) && message.text() != null)
                .toList());
        earlier.sort(Comparator.comparing(MemoryCues::at));
        StoredMessage lastQuestion = null;
        StoredMessage unanswered = null;
        for (int i = 0; i < earlier.size(); i++) {
            StoredMessage message = earlier.get(i);
            if (!message.isInbound() || !QUESTION.matcher(message.text().strip()).find()
                    || asksAboutForgottenQuestion(message.text())) {
                continue;
            }
            lastQuestion = message;
            boolean answered = false;
            for (int j = i + 1; j < earlier.size(); j++) {
                StoredMessage later = earlier.get(j);
                if (!later.isInbound()) {
                    answered = later.accounting() == null || !later.accounting().needsHuman();
                    break;
                }
            }
            if (!answered) {
                unanswered = message;
            }
        }
        return Optional.ofNullable(unanswered != null ? unanswered : lastQuestion);
    }

    /**
     * The previous topic ("Sony FX3, Saturday") when the customer comes back after context expiry: the working
     * context was cleared since their last message and the key facts still name an item.
     */
    public static Optional<String> returningTopic(ConversationSnapshot snapshot, List<StoredMessage> toAnswer) {
        ConversationMemory memory = snapshot.conversation().memory();
        if (memory.contextFrom() == null) {
            return Optional.empty();
        }
        Set<String> current = toAnswer.stream().map(StoredMessage::messageId).collect(Collectors.toSet());
        Optional<Instant> previousInbound = snapshot.recentMessages().stream()
                .filter(message -> message.isInbound() && !current.contains(message.messageId()))
                .map(MemoryCues::at).max(Comparator.naturalOrder());
        if (previousInbound.isPresent() && previousInbound.get().isAfter(memory.contextFrom())) {
            return Optional.empty();
        }
        Optional<String> item = KeyFacts.value(memory.keyFacts(), KeyFacts.ITEM);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(item.get() + KeyFacts.value(memory.keyFacts(), KeyFacts.DATES).map(dates -> ", " + dates).orElse(""));
    }

    private static Instant at(StoredMessage message) {
        Instant at = message.receivedAt() != null ? message.receivedAt() : message.sentAt();
        return at == null ? Instant.EPOCH : at;
    }
}
