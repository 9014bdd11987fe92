package dev.waagent.domain.handoff;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.knowledge.HandoffRules;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.staff.StaffLanguage;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.GenerationSignals;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a person takes the conversation over, and what the customer and the staff
 * are told. Before any model is asked: the customer asks for a person (when the tenant allows it), a complaint or
 * anger, a topic the tenant marks human-only. After the answer is generated: the model asked through the
 * {@code hand_off} tool, or this is the n-th answer in a row below the tenant's confidence threshold. Pure: no
 * storage, no clock (the caller passes the time).
 */
public final class HandoffDecision {

    /** The tool the generation side offers the model to ask for a person. */
    public static final String HAND_OFF_TOOL = "hand_off";

    private static final List<Pattern> HUMAN_REQUEST = List.of(
            Pattern.compile("\\b(talk|speak|chat) (to|with) (a |an |the )?(human|person|agent|someone|staff|manager|owner|real person)\\b"),
            Pattern.compile("\\b(human|real person|customer care|customer service) (please|pls)\\b"),
            Pattern.compile("\\b(call me|give me a call|phone me)\\b"),
            Pattern.compile("\\b(bicara|ngobrol|hubungi) (dengan )?(admin|cs|orang|manusia|staf|manager|pemilik)\\b"),
            Pattern.compile("\\b(minta|mau) (admin|cs|telepon|ditelepon)\\b"),
            Pattern.compile("\\b(insaan|insan|aadmi|kisi se baat|manager se baat|owner se baat|call karo|call kijiye)\\b"));
    private static final List<Pattern> ANGER = List.of(
            Pattern.compile("\\b(worst|pathetic|scam|fraud|cheat(ed|ing)?|disgusting|useless|refund now|complaint|complain)\\b"),
            Pattern.compile("\\b(penipu|penipuan|kecewa|parah|komplain|tipu)\\b"),
            Pattern.compile("\\b(bakwas|bekaar|dhokha|fraud hai|ghatiya)\\b"),
            Pattern.compile("\\b(very bad experience|bad experience|terrible|horrible|unacceptable|not acceptable"
                    + "|bahut bura|mengecewakan|pelayanan buruk|buruk sekali)\\b"));
    /**
     * Something we rented or sold them failed, came late or was wrong: a person should look at it. Read clause by
     * clause on the customer's own words: a hypothetical ("what if the lens is damaged?", "agar kharab ho gaya",
     * "kalau rusak gimana?") or a question that reports nothing ("ada lecet gak?", "pernah mogok?", "which panels are
     * scratched?") is a buyer's question for the bot, not a complaint.
     */
    private static final List<Pattern> FAULT = List.of(
            Pattern.compile("\\b(was|were|is|are|it s|its|came|arrived|got|has been|have been)(?: [\\w']{1,20}){0,2}? "
                    + "(broken|damaged|cracked|faulty|defective|dead|scratched|dirty)\\b"),
            Pattern.compile("\\b(stopped working|doesn ?t work|does not work|didn ?t work|isn ?t working|not working"
                    + "|not charging|won ?t turn on|never (came|arrived|showed up)|charged (me )?twice|overcharged"
                    + "|(was|were|came|arrived) (\\d+|an?|one|two) (hours?|hrs?|days?|mins?|minutes?) late)\\b"),
            Pattern.compile("\\b(kharab (tha|thi|nikla|nikli|ho gaya|ho gayi|hai)|toot (gaya|gayi)|tooti hui|toota hua"
                    + "|kaam nahi kar (raha|rahi)|chal nahi (raha|rahi)|late (aaya|aayi|ho gaya))\\b"),
            Pattern.compile("\\b(rusak|cacat|lecet|bocor|mogok|tidak berfungsi|nggak nyala|gak nyala|tidak menyala"
                    + "|telat (banget|sekali|\\d+ jam))\\b"));
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(if|what if|in case|suppose|agar|kalau|kalo|jika"
            + "|misal|misalnya|seandainya|apakah|apa bisa|kya hoga|hone par)\\b");
    /** A question still reports a fault when it says it happened ("why was it broken?", "kenapa sudah rusak?"). */
    private static final Pattern HAPPENED = Pattern.compile("\\b(was|were|came|arrived|gave|delivered|sudah|udah|ternyata"
            + "|tadi|kemarin|kemaren|tha|thi|nikla|nikli|diya|mila)\\b");
    private static final Pattern CLAUSES = Pattern.compile("(?<=[?!.;\\n])");
    /** A question opening with "was/were/is" asks ("was it ever damaged?"); it does not say it happened. */
    private static final Pattern ASKING = Pattern.compile("^(was|were|is|are|has|have|did)\\b");

    /** Ways customers bring up the topics tenants most often mark human-only, in our three languages. */
    private static final List<String> NEGOTIATION = List.of("negotiate", "negotiable", "negotiation", "nego", "discount",
            "diskon", "kurangin", "kurang dikit", "best price", "last price", "final price", "harga pas", "bisa kurang",
            "kam karo", "kam kar do", "thoda kam");
    private static final List<String> REFUND = List.of("refund", "money back", "uang kembali", "balikin uang", "paisa wapas",
            "paise wapas");
    /** Ways customers bring up the topics tenants most often mark human-only, in our three languages. */
    private static final Map<String, List<String>> TOPIC_WORDS = Map.of(
            "price negotiation", NEGOTIATION, "negotiation", NEGOTIATION, "nego", NEGOTIATION,
            "refund", REFUND, "refunds", REFUND);
    /** A topic word may carry a plural or verb ending ("refunds", "refunded"), not any ending ("refundable"). */
    private static final String ENDING = "(?:s|es|ed|d|ing|in)?";

    /** A topic word's pattern, made once (tenants name a handful of topics; this is on every turn's path). */
    private static final Map<String, Pattern> TOPIC_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** Rules on the customer's words, before any model is asked. */
    public Optional<Handoff> beforeReply(String customerTurn, HandoffRules rules) {
        String text = normalize(customerTurn);
        if (rules.onCustomerRequest() && asksForPerson(text)) {
            return Optional.of(new Handoff(HandoffReason.CUSTOMER_REQUEST, null));
        }
        if (soundsAngry(text) || reportsFault(customerTurn)) {
            return Optional.of(new Handoff(HandoffReason.COMPLAINT, null));
        }
        return humanOnlyTopic(text, rules.topics()).map(topic -> new Handoff(HandoffReason.HUMAN_ONLY_TOPIC, topic));
    }

    /**
     * Rules on the generated answer.
     *
     * @param history the conversation's recent messages before this answer, oldest first
     */
    public Optional<Handoff> afterReply(List<StoredMessage> history, LlmResponse response, GenerationSignals signals,
                                        double confidenceThreshold, HandoffRules rules) {
        Optional<String> toolReason = response.toolCalls().stream().filter(call -> HAND_OFF_TOOL.equals(call.name()))
                .map(ToolCall::argumentsJson).findFirst();
        if (signals.handOffRequested() || toolReason.isPresent()) {
            return Optional.of(new Handoff(HandoffReason.MODEL_REQUEST, signals.handOffReason()));
        }
        if (lowConfidence(signals, confidenceThreshold)
                && lowConfidenceStreak(history) + 1 >= Math.max(1, rules.maxConsecutiveLowConfidence())) {
            return Optional.of(new Handoff(HandoffReason.LOW_CONFIDENCE, null));
        }
        return Optional.empty();
    }

    /** Below the threshold; an unknown confidence is not low (only generation that measures it can be judged). */
    public static boolean lowConfidence(GenerationSignals signals, double confidenceThreshold) {
        return !Double.isNaN(signals.confidence()) && signals.confidence() < confidenceThreshold;
    }

    /**
     * Bot answers in a row, newest backwards, that were not confident ({@link ReplyAccounting#needsHuman()}), counted
     * once per reply however many parts it was sent in. A judged, confident answer ends the streak; an answer that was
     * not judged (a greeting, a price quote, a booking: {@link ReplyAccounting#judged()} false) and rule or staff
     * replies leave it as it is.
     */
    static int lowConfidenceStreak(List<StoredMessage> history) {
        int streak = 0;
        String counted = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            StoredMessage message = history.get(i);
            ReplyAccounting accounting = message.accounting();
            if (message.isInbound() || accounting == null || accounting.provider() == null
                    || "policy".equals(accounting.provider()) || "staff".equals(accounting.provider())) {
                continue;
            }
            if (accounting.needsHuman()) {
                if (message.turnId() == null || !message.turnId().equals(counted)) {
                    streak++;
                }
                counted = message.turnId();
            } else if (accounting.judged()) {
                break;
            }
        }
        return streak;
    }

    /** What the customer is told, honestly and in their language; outside opening hours, when a person replies. */
    public String customerNotice(Tenant tenant, Handoff handoff, Locale language, Instant now) {
        boolean bahasa = language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage());
        boolean hindi = language.getLanguage().equals(LanguageDetector.HINDI.getLanguage());
        String opening = switch (handoff.reason()) {
            case CUSTOMER_REQUEST -> bahasa ? "Baik, saya sambungkan dengan tim kami."
                    : hindi ? "Theek hai, main aapko hamari team se jod rahi hoon."
                    : "Sure, I'm passing you to our team.";
            case COMPLAINT -> bahasa ? "Mohon maaf atas ketidaknyamanannya. Pesan Anda saya teruskan ke tim kami."
                    : hindi ? "Iske liye maafi chahte hain. Aapka message hamari team ko bhej diya hai."
                    : "I'm sorry about this. I've passed your message to our team.";
            case HUMAN_ONLY_TOPIC, MODEL_REQUEST -> bahasa ? "Untuk hal ini tim kami yang akan membantu langsung."
                    : hindi ? "Is baare mein hamari team khud madad karegi."
                    : "Our team handles this personally, so I've passed it on.";
            case LOW_CONFIDENCE -> bahasa ? "Saya tidak ingin menebak, jadi saya tanyakan ke tim kami."
                    : hindi ? "Main andaaza nahi lagana chahti, isliye maine team se poocha hai."
                    : "I don't want to guess on this, so I've asked our team.";
        };
        ZonedDateTime local = now.atZone(tenant.timezone());
        if (tenant.openingHours().known() && !tenant.openingHours().isOpenAt(local)) {
            Optional<ZonedDateTime> next = tenant.openingHours().nextOpening(local);
            if (next.isPresent()) {
                String when = when(local, next.get(), bahasa, hindi);
                return opening + (bahasa ? " Tim kami sedang tutup sekarang; seseorang akan membalas di chat ini " + when + "."
                        : hindi ? " Abhi hamari team offline hai; koi " + when + " isi chat mein reply karega."
                        : " We're closed right now: a person will reply here " + when + ".");
            }
        }
        return opening + (bahasa ? " Seseorang akan membalas di chat ini secepatnya."
                : hindi ? " Koi isi chat mein jald reply karega."
                : " A person will reply here as soon as they can.");
    }

    /** "today at 10:00", "tomorrow at 10:00", "on Monday at 10:00" (and the same in Bahasa and Hinglish). */
    static String when(ZonedDateTime now, ZonedDateTime opening, boolean bahasa, boolean hindi) {
        long days = opening.toLocalDate().toEpochDay() - now.toLocalDate().toEpochDay();
        String clock = CLOCK.format(opening);
        DayOfWeek day = opening.getDayOfWeek();
        if (bahasa) {
            String dayName = day.getDisplayName(TextStyle.FULL, LanguageDetector.INDONESIAN);
            return (days == 0 ? "hari ini" : days == 1 ? "besok" : "hari " + dayName) + " pukul " + clock.replace(':', '.');
        }
        if (hindi) {
            String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            return (days == 0 ? "aaj" : days == 1 ? "kal" : dayName + " ko") + " " + clock + " baje";
        }
        String dayName = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return (days == 0 ? "today" : days == 1 ? "tomorrow" : "on " + dayName) + " at " + clock;
    }

    /**
     * Three lines for the staff: who and why, what the customer wrote, how to answer or hand back (in Bahasa or
     * Hinglish when that is the business's first language).
     */
    public String staffSummary(Tenant tenant, Conversation conversation, Handoff handoff, String customerTurn) {
        String customer = conversation.key().customerId();
        String name = conversation.customerName() == null || conversation.customerName().isBlank() ? ""
                : conversation.customerName() + " ";
        String shortId = customer.length() <= 4 ? customer : customer.substring(customer.length() - 4);
        String wrote = customerTurn == null ? "" : customerTurn.strip().replaceAll("\\s+", " ");
        if (wrote.length() > 160) {
            wrote = wrote.substring(0, 159) + "…";
        }
        String summary = conversation.memory().summary();
        String earlier = summary != null && !summary.isBlank() ? " (" + clip(summary, 120) + ")" : "";
        if (bahasa(tenant)) {
            return "Dialihkan ke staf " + tenant.name() + ": " + name + "+" + customer + ", " + staffReason(tenant, handoff) + ".\n"
                    + "Pesan: \"" + wrote + "\"" + earlier + "\n"
                    + "Jawab dengan /balas " + shortId + " <teks>; serahkan ke bot dengan /kembalikan " + shortId + ".";
        }
        if (firstLanguage(tenant, "hi")) {
            return "Staff ke liye, " + tenant.name() + ": " + name + "+" + customer + ", " + staffReason(tenant, handoff) + ".\n"
                    + "Likha: \"" + wrote + "\"" + earlier + "\n"
                    + "Jawab: /jawab " + shortId + " <text>; bot ko wapas: /chalu " + shortId + ".";
        }
        return "Handoff at " + tenant.name() + ": " + name + "+" + customer + ", " + handoff.describe() + ".\n"
                + "Wrote: \"" + wrote + "\"" + (earlier.isEmpty() ? "" : " (earlier:" + earlier.substring(1)) + "\n"
                + "Answer with /reply " + shortId + " <text>; give back to the bot with /resume " + shortId + ".";
    }

    /**
     * Why the conversation went to a person, as the staff read it (in Bahasa or Hinglish when that is the business's
     * first language); the stored reason and the rollups keep the English label ({@link Handoff#describe()}).
     */
    public String staffReason(Tenant tenant, Handoff handoff) {
        String label = handoff.reason().label(StaffLanguage.of(tenant));
        return handoff.detail() == null || handoff.detail().isBlank() ? label : label + ": " + handoff.detail();
    }

    private static boolean bahasa(Tenant tenant) {
        return firstLanguage(tenant, "id");
    }

    private static boolean firstLanguage(Tenant tenant, String language) {
        return !tenant.languages().isEmpty() && language.equals(tenant.languages().get(0));
    }

    public static boolean asksForPerson(String normalized) {
        return HUMAN_REQUEST.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    public static boolean soundsAngry(String normalized) {
        return ANGER.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    /** The customer reports a fault, damage or delay (see {@link #FAULT}), in a clause that is no hypothetical. */
    public static boolean reportsFault(String customerTurn) {
        if (customerTurn == null || customerTurn.isBlank()) {
            return false;
        }
        for (String clause : CLAUSES.split(customerTurn)) {
            String text = normalize(clause);
            if (text.isEmpty() || HYPOTHETICAL.matcher(text).find()) {
                continue;
            }
            if (clause.strip().endsWith("?") && !HAPPENED.matcher(ASKING.matcher(text).replaceFirst("")).find()) {
                continue;
            }
            if (FAULT.stream().anyMatch(p -> p.matcher(text).find())) {
                return true;
            }
        }
        return false;
    }

    /** The first of the tenant's human-only topics the text brings up (whole words, plural or verb endings). */
    static Optional<String> humanOnlyTopic(String normalized, List<String> topics) {
        for (String topic : topics) {
            String wanted = normalize(topic);
            if (wanted.isEmpty()) {
                continue;
            }
            List<String> ways = new java.util.ArrayList<>(List.of(wanted));
            ways.addAll(TOPIC_WORDS.getOrDefault(wanted, List.of()));
            for (String way : ways) {
                if (TOPIC_PATTERNS.computeIfAbsent(way, w -> Pattern.compile("\\b" + Pattern.quote(w) + ENDING + "\\b"))
                        .matcher(normalized).find()) {
                    return Optional.of(topic);
                }
            }
        }
        return Optional.empty();
    }

    static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\p{Punct}&&[^./]]+", " ").replaceAll("\\s+", " ").strip();
    }

    private static String clip(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
