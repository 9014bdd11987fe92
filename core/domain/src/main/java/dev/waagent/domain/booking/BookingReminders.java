package dev.waagent.domain.booking;

import dev.waagent.domain.conversation.Conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Booking reminders waiting for their day (DynamoDB items next to the conversation, on the due-index): scheduled when
 * a booking request names a concrete day, claimed once before the reminder is sent.
 */
public interface BookingReminders {

    /**
     * Schedules the reminder of one booking ({@link BookingReminder#reminderKey()}): scheduling the same booking again
     * changes nothing; a new day for an item this conversation booked before supersedes that booking's reminder if it
     * was not claimed yet (the customer moved the booking; one reminder, for the new day).
     */
    void schedule(BookingReminder reminder);

    /**
     * Unclaimed reminders of {@code tenantId} whose booking day is on or before {@code through}, earliest day first,
     * each with its conversation as it is now.
     *
     * @param after where the previous page ended ({@link DuePage#next()}), or null for the first page
     */
    DuePage due(String tenantId, LocalDate through, int limit, String after);

    /**
     * Claims the reminder for sending: records its {@link BookingReminder#outboundId()} and takes it off the due list,
     * only if nobody claimed it before. A claimed reminder is never claimed again, sent or not (at most once).
     */
    boolean claim(BookingReminder reminder, Instant now);

    /** Records how a claimed reminder ended ({@code sent-text}, {@code not-sent-no-template}…) and the platform id. */
    void finish(BookingReminder reminder, String outcome, String platformMessageId, Instant at);

    /** A reminder that is due, with its conversation. */
    record Due(BookingReminder reminder, Conversation conversation) {
    }

    /** @param next where the next page starts (opaque), or null when no due reminders remain past this page */
    record DuePage(List<Due> items, String next, double readUnits) {
        public DuePage {
            items = List.copyOf(items);
        }

        public boolean more() {
            return next != null;
        }
    }
}
