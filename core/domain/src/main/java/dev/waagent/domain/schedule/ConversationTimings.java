package dev.waagent.domain.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * One tenant's timings for the scheduled jobs.
 *
 * @param contextExpiry      inactivity after which the working context is cleared (key facts and summary kept)
 * @param handoffTimeout     inactivity after which a handed-off conversation returns to the bot (staff are told)
 * @param summaryIdle        inactivity after which new turns are summarised
 * @param summaryMinMessages fewer new messages than this are not worth a summary
 * @param followUpDelay      how long an unanswered question of ours waits before one follow-up
 * @param briefingHour       the tenant-local hour of the owner's morning briefing
 * @param reminderFromHour   booking reminders go the day before, from this tenant-local hour...
 * @param reminderUntilHour  ...until this one (exclusive), so nobody is reminded at night
 */
public record ConversationTimings(Duration contextExpiry, Duration handoffTimeout, Duration summaryIdle,
                                  int summaryMinMessages, Duration followUpDelay, int briefingHour,
                                  int reminderFromHour, int reminderUntilHour) {

    public ConversationTimings {
        Objects.requireNonNull(contextExpiry, "contextExpiry");
        Objects.requireNonNull(handoffTimeout, "handoffTimeout");
        Objects.requireNonNull(summaryIdle, "summaryIdle");
        Objects.requireNonNull(followUpDelay, "followUpDelay");
        if (contextExpiry.isNegative() || contextExpiry.isZero() || handoffTimeout.isNegative() || handoffTimeout.isZero()) {
            throw new IllegalArgumentException("context expiry and handoff timeout must be positive");
        }
        if (briefingHour < 0 || briefingHour > 23) {
            throw new IllegalArgumentException("briefingHour must be 0-23: " + briefingHour);
        }
        if (reminderFromHour < 0 || reminderUntilHour > 24 || reminderFromHour >= reminderUntilHour) {
            throw new IllegalArgumentException("reminder hours must satisfy 0 <= from < until <= 24: " + reminderFromHour
                    + "-" + reminderUntilHour);
        }
    }

    public static ConversationTimings defaults() {
        return new ConversationTimings(Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(10), 4,
                Duration.ofHours(4), 8, 10, 20);
    }
}
