package dev.waagent.domain.analytics;

import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.handoff.HandoffReason;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts one tenant-day from its messages, fed oldest first. Inbound messages name the turn that answered them
 * ({@code answeredBy}); the reply carries that turn id, so the reply time is the reply's record time minus the
 * first waiting message's receive time.
 */
public final class RollupAccumulator {

    static final int TOP_QUESTIONS = 10;
    static final int SAMPLES = 20;
    static final String REASON_ASKED = HandoffReason.CUSTOMER_REQUEST.label();
    static final String REASON_NO_ANSWER = "no confident answer";
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|when|where|which|who|why|how|is|are|do|does|can|could|will|would|"
                    + "kya|kab|kahan|kitna|kitne|kaise|apa|apakah|berapa|kapan|dimana|bisa|ada)\\b");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String tenantId;
    private final LocalDate day;
    private final ZoneId zone;
    private int messagesIn;
    private int messagesOut;
    private final Set<String> customers = new HashSet<>();
    private int handoffs;
    private final Map<String, Integer> handoffReasons = new TreeMap<>();
    private final Map<String, Integer> questions = new HashMap<>();
    private final Map<String, String> questionWording = new HashMap<>();
    private int unanswered;
    private final List<String> unansweredSamples = new ArrayList<>();
    private int lowConfidence;
    private final List<String> lowConfidenceSamples = new ArrayList<>();
    private final Map<String, DailyRollup.ProviderUsage> usage = new TreeMap<>();
    private final Map<String, Long> turnStarted = new HashMap<>();
    private final Map<String, List<String>> turnQuestions = new HashMap<>();
    private final List<Long> replyMillis = new ArrayList<>();
    private boolean truncated;
    private int leads;
    private int bookingRequests;

    public RollupAccumulator(String tenantId, LocalDate day, ZoneId zone) {
        this.tenantId = tenantId;
        this.day = day;
        this.zone = zone;
    }

    public void add(StoredMessage message) {
        customers.add(message.key().customerId());
        if (message.isInbound()) {
            addInbound(message);
        } else {
            addOutbound(message);
        }
    }

    /** The day's leads and booking requests (they are not messages: counted from their own log). */
    public void addFollowUps(FollowUpLog.FollowUpCount count) {
        leads += count.leads();
        bookingRequests += count.bookingRequests();
    }

    public void markTruncated() {
        truncated = true;
    }

    public int messages() {
        return messagesIn + messagesOut;
    }

    private void addInbound(StoredMessage message) {
        messagesIn++;
        String text = message.text() == null ? "" : message.text().strip();
        boolean question = isQuestion(text);
        if (question) {
            String normalized = normalize(text);
            questions.merge(normalized, 1, Integer::sum);
            questionWording.putIfAbsent(normalized, text);
        }
        String turn = message.answeredBy();
        if (turn == null) {
            if (message.awaitsReply() && question) {
                unanswered++;
                sample(unansweredSamples, text);
            }
            return;
        }
        long received = message.receivedAt().toEpochMilli();
        turnStarted.merge(turn, received, Math::min);
        if (question) {
            turnQuestions.computeIfAbsent(turn, t -> new ArrayList<>()).add(text);
        }
    }

    private void addOutbound(StoredMessage message) {
        messagesOut++;
        ReplyAccounting accounting = message.accounting() == null ? ReplyAccounting.NONE : message.accounting();
        // A handoff notice names its reason in its route (HANDOFF, HANDOFF:complaint, …); an unsure answer counts too.
        java.util.Optional<HandoffReason> handedOff = HandoffReason.ofRoute(accounting.route());
        if (handedOff.isPresent() || accounting.needsHuman()) {
            handoffs++;
            handoffReasons.merge(handedOff.map(HandoffReason::label).orElse(REASON_NO_ANSWER), 1, Integer::sum);
        }
        String turn = message.turnId();
        if (accounting.needsHuman() && turn != null) {
            for (String question : turnQuestions.getOrDefault(turn, List.of())) {
                lowConfidence++;
                sample(lowConfidenceSamples, question);
            }
        }
        if (accounting.provider() != null) {
            usage.merge(accounting.provider(), new DailyRollup.ProviderUsage(1, accounting.promptTokens(),
                            accounting.completionTokens(), accounting.costUsd()),
                    (a, b) -> a.plus(b.promptTokens(), b.completionTokens(), b.costUsd()));
        }
        if (turn != null) {
            Long started = turnStarted.remove(turn);
            turnQuestions.remove(turn);
            if (started != null) {
                replyMillis.add(Math.max(0, message.receivedAt().toEpochMilli() - started));
            }
        }
    }

    public DailyRollup result(Instant computedAt) {
        List<DailyRollup.QuestionCount> top = questions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_QUESTIONS)
                .map(e -> new DailyRollup.QuestionCount(questionWording.get(e.getKey()), e.getValue()))
                .toList();
        return new DailyRollup(tenantId, day, zone.getId(), messagesIn, messagesOut, customers.size(), handoffs,
                new LinkedHashMap<>(handoffReasons), leads, bookingRequests, top, unanswered, unansweredSamples, lowConfidence,
                lowConfidenceSamples, new LinkedHashMap<>(usage), percentile95(replyMillis), replyMillis.size(),
                truncated, computedAt);
    }

    /** Nearest-rank 95th percentile; 0 for no values. */
    static long percentile95(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static boolean isQuestion(String text) {
        if (text.isEmpty()) {
            return false;
        }
        return text.contains("?") || QUESTION_START.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** "What are your HOURS??" and "what are your hours" count as one question. */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        folded = NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ");
        folded = SPACES.matcher(folded).replaceAll(" ").strip();
        return folded.length() > 120 ? folded.substring(0, 120) : folded;
    }

    private static void sample(List<String> samples, String text) {
        if (samples.size() < SAMPLES && !samples.contains(text)) {
            samples.add(text.length() > 200 ? text.substring(0, 200) : text);
        }
    }
}
