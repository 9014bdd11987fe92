package dev.waagent.domain.booking;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A booking request with a concrete day, waiting for its reminder the day before.
 *
 * @param requestId   the booking request's id (one reminder per request)
 * @param item        what was booked (catalog name when matched)
 * @param bookingDate the day, in the tenant's time zone
 * @param dates       the customer's own words for it ("sabtu depan")
 */
public record BookingReminder(ConversationKey key, String requestId, String item, LocalDate bookingDate, String dates,
                              Instant requestedAt) {

    public BookingReminder {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(bookingDate, "bookingDate");
        item = item == null ? "" : item;
        dates = dates == null ? "" : dates;
    }

    /**
     * The reminder message's stable id, recorded when the reminder is claimed (before it is sent), so that no run,
     * replay or retry sends a second one for the same request.
     */
    public String outboundId() {
        return "out.reminder." + requestId;
    }
}
