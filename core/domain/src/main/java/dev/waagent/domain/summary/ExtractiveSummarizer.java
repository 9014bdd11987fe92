package dev.waagent.domain.summary;

import dev.waagent.domain.conversation.ConversationMemory;
import dev.waagent.domain.conversation.StoredMessage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary that needs no model: the customer's questions and statements worth keeping, what the agent said
 * last, the question left open, and key facts picked out by pattern (name, product codes, dates, amounts,
 * durations, e-mail). The last resort of the summary chain: it always answers, in English.
 */
public final class ExtractiveSummarizer {

    public static final String SOURCE = "extractive";

    static final int MAX_SUMMARY_CHARS = 900;
    static final int MAX_FACTS = 12;
    private static final int MAX_QUOTE = 140;

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|when|where|which|who|why|how|is|are|do|does|did|can|could|will|would|should|may|"
                    + "kya|kab|kahan|kitna|kitne|kaise|kaun|apa|apakah|berapa|kapan|dimana|di mana|bisa|ada|gimana|bagaimana)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Product codes and models: a word mixing letters and digits (FX3, A7IV, RS3, XUV700, 70-200mm). */
    private static final Pattern CODE = Pattern.compile("\\b(?=[\\p{L}\\d-]*\\p{L})(?=[\\p{L}\\d-]*\\d)[\\p{L}\\d][\\p{L}\\d-]{1,15}\\b");
    private static final Pattern DATE_WORD = Pattern.compile(
            "\\b(today|tomorrow|tonight|yesterday|this weekend|next week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                    + "kal|aaj|parso|besok|hari ini|lusa|minggu depan|senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
                    + "\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:₹|rs\\.?|inr|rp\\.?|idr|usd|\\$)\\s?\\d[\\d.,]*(?:\\s?(?:k|rb|ribu|juta|jt|lakh|lac))?"
                    + "|\\d[\\d.,]*\\s?(?:rupees|rupiah|juta|jt|ribu|rb|lakh|lac)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile(
            "\\b\\d+\\s?(?:days?|nights?|hours?|hrs?|weeks?|months?|hari|jam|minggu|bulan|din)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    /**
     * @param previous     what the conversation already remembers (its summary is carried forward)
     * @param customerName the customer's profile name, or null
     * @param messages     the turns to summarise, oldest first
     */
    public ConversationSummary summarize(ConversationMemory previous, String customerName, List<StoredMessage> messages) {
        List<String> questions = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        String lastAgent = null;
        for (StoredMessage message : messages) {
            String text = message.text() == null ? "" : message.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!message.isInbound()) {
                lastAgent = text;
                continue;
            }
            for (String sentence : SENTENCE.split(text)) {
                String s = sentence.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (isQuestion(s)) {
                    addDistinct(questions, s);
                } else if (salient(s)) {
                    addDistinct(statements, s);
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        if (previous != null && previous.hasSummary()) {
            summary.append(clip(previous.summary().strip(), MAX_SUMMARY_CHARS / 2)).append(' ');
        }
        if (!questions.isEmpty()) {
            summary.append("Customer asked: ").append(joinQuoted(tail(questions, 4))).append(". ");
        }
        if (!statements.isEmpty()) {
            summary.append("Customer said: ").append(joinQuoted(tail(statements, 3))).append(". ");
        }
        StoredMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (lastAgent != null) {
            boolean open = last != null && !last.isInbound() && lastAgent.contains("?");
            summary.append(open ? "Open: the agent asked " : "Agent last replied: ")
                    .append('"').append(clip(lastAgent, MAX_QUOTE)).append("\". ");
        }
        if (summary.length() == 0) {
            summary.append("No questions yet.");
        }

        LinkedHashSet<String> facts = new LinkedHashSet<>();
        if (customerName != null && !customerName.isBlank()) {
            facts.add("Name: " + customerName.strip());
        }
        if (previous != null) {
            facts.addAll(previous.keyFacts());
        }
        String customerText = String.join("\n", messages.stream().filter(StoredMessage::isInbound)
                .map(m -> m.text() == null ? "" : m.text()).toList());
        addFact(facts, "Asked about", matches(CODE, customerText, true));
        addFact(facts, "Dates mentioned", matches(DATE_WORD, customerText, false));
        addFact(facts, "Durations mentioned", matches(DURATION, customerText, false));
        addFact(facts, "Amounts mentioned", matches(AMOUNT, customerText, false));
        addFact(facts, "E-mail", matches(EMAIL, customerText, false));
        List<String> keyFacts = new ArrayList<>(facts);
        if (keyFacts.size() > MAX_FACTS) {
            keyFacts = keyFacts.subList(keyFacts.size() - MAX_FACTS, keyFacts.size());
        }
        return new ConversationSummary(clip(summary.toString().strip(), MAX_SUMMARY_CHARS), keyFacts, SOURCE, SOURCE, 0, 0, 0);
    }

    static boolean isQuestion(String sentence) {
        return sentence.endsWith("?") || QUESTION_START.matcher(sentence).find();
    }

    private static boolean salient(String sentence) {
        return CODE.matcher(sentence).find() || DATE_WORD.matcher(sentence).find() || AMOUNT.matcher(sentence).find()
                || DURATION.matcher(sentence).find() || sentence.length() >= 40;
    }

    private static void addDistinct(List<String> list, String sentence) {
        String normalized = sentence.toLowerCase(Locale.ROOT);
        if (list.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).equals(normalized))) {
            list.add(sentence);
        }
    }

    private static List<String> tail(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(list.size() - n, list.size());
    }

    private static String joinQuoted(List<String> sentences) {
        return String.join("; ", sentences.stream().map(s -> "\"" + clip(s, MAX_QUOTE) + "\"").toList());
    }

    private static List<String> matches(Pattern pattern, String text, boolean keepCase) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find() && found.size() < 6) {
            String value = matcher.group().strip();
            found.add(keepCase ? value : value.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(found);
    }

    private static void addFact(Set<String> facts, String label, List<String> values) {
        if (!values.isEmpty()) {
            facts.add(label + ": " + String.join(", ", values));
        }
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
