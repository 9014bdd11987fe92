package dev.waagent.domain.booking;

import dev.waagent.domain.conversation.ConversationKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A booking request with a concrete day, waiting for its reminder the day before. One per conversation, day and item
 * ({@link #reminderKey()}): the same booking asked for again (a retried turn, a second request_booking, the customer
 * confirming again) is the same reminder, whatever its request id.
 *
 * @param requestId   the id of the booking request that first named this day for this item
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

    /**
     * What makes two requests the same booking within one conversation: the day and the item as normalized by
     * {@link #itemKey()}, e.g. {@code 2026-12-12#3f1c9a0b72d4}.
     */
    public String reminderKey() {
        return bookingDate + "#" + itemKey();
    }

    /** The item without case, spacing or punctuation ("Sony FX3" = "sony  fx-3"), hashed to a short key-safe id. */
    public String itemKey() {
        String normalized = item.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
