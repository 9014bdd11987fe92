package dev.waagent.domain.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A day's rollup as a few short lines for WhatsApp: the owner's morning briefing and the staff's {@code /stats}. */
public final class RollupDigest {

    private RollupDigest() {
    }

    /** Three to six bullet lines. */
    public static List<String> lines(DailyRollup r) {
        List<String> lines = new ArrayList<>();
        lines.add("• " + r.messagesIn() + " messages in, " + r.messagesOut() + " out, " + r.conversations()
                + (r.conversations() == 1 ? " conversation" : " conversations"));
        StringBuilder handoffs = new StringBuilder("• ").append(r.handoffs()).append(" handed to a person");
        if (!r.handoffReasons().isEmpty()) {
            handoffs.append(" (").append(r.handoffReasons().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        lines.add(handoffs.toString());
        if (r.leads() + r.bookingRequests() > 0) {
            lines.add("• " + r.leads() + (r.leads() == 1 ? " new lead, " : " new leads, ") + r.bookingRequests()
                    + (r.bookingRequests() == 1 ? " booking request" : " booking requests") + " to follow up");
        }
        if (!r.topQuestions().isEmpty()) {
            lines.add("• Top questions: " + r.topQuestions().stream().limit(3)
                    .map(q -> "\"" + q.question() + "\" (" + q.count() + ")").collect(Collectors.joining(", ")));
        }
        if (r.lowConfidenceQuestions() + r.unansweredQuestions() > 0) {
            lines.add("• " + r.lowConfidenceQuestions() + " without a confident answer, " + r.unansweredQuestions()
                    + " unanswered: candidates for the knowledge base");
        }
        lines.add(String.format(Locale.ROOT, "• Replies p95 %.1f s; model cost $%.4f", r.p95ReplyMillis() / 1000.0, r.costUsd()));
        return lines;
    }
}
