package dev.waagent.domain.tools;

import dev.waagent.domain.conversation.ConversationKey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A lead or booking request the agent took down for the business's staff to follow up.
 *
 * @param item    what the customer wants (catalog name when matched, else their words)
 * @param dates   when, in the customer's words ("Saturday", "12-14 Dec"); may be empty
 * @param note    anything else the customer gave (budget, contact preference)
 * @param status  {@code OPEN} until staff close it
 * @param bookingDate the concrete day {@code dates} names, in the tenant's time zone ({@code BookingDateParser}), or
 *                    {@code null} when it names none (or for a lead): the booking reminder goes the day before
 */
public record FollowUpRequest(String id, ConversationKey key, Kind kind, String item, String dates, String note,
                              Instant createdAt, String status, LocalDate bookingDate) {

    public enum Kind { LEAD, BOOKING }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

    public FollowUpRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        item = item == null ? "" : item;
        dates = dates == null ? "" : dates;
        note = note == null ? "" : note;
        status = status == null ? "OPEN" : status;
    }

    /** A request whose dates name no concrete day. */
    public FollowUpRequest(String id, ConversationKey key, Kind kind, String item, String dates, String note,
                           Instant createdAt, String status) {
        this(id, key, kind, item, dates, note, createdAt, status, null);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** One line for a prompt or a staff notice. */
    public String describe() {
        StringBuilder line = new StringBuilder(kind == Kind.BOOKING ? "booking request" : "lead");
        if (!item.isBlank()) {
            line.append(": ").append(item);
        }
        if (!dates.isBlank()) {
            line.append(", ").append(dates);
        }
        if (bookingDate != null) {
            // The day the customer's words were read as, so the model and staff can confirm it.
            line.append(" → ").append(DAY.format(bookingDate));
        }
        if (!note.isBlank()) {
            line.append(" (").append(note).append(')');
        }
        return line.append(" [").append(status.toLowerCase(java.util.Locale.ROOT)).append(']').toString();
    }
}
