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

    /** Schedules the reminder of one booking request; scheduling the same request again changes nothing. */
    void schedule(BookingReminder reminder);

    /**
     * Unclaimed reminders of {@code tenantId} whose booking day is on or before {@code through}, earliest day first,
     * each with its conversation as it is now.
     */
    DuePage due(String tenantId, LocalDate through, int limit);

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

    /** @param more whether more due reminders remain past {@code limit} */
    record DuePage(List<Due> items, boolean more, double readUnits) {
        public DuePage {
            items = List.copyOf(items);
        }
    }
}
