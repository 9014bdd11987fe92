package dev.waagent.domain.channel;

import java.util.Locale;

/**
 * Delivery progress of an outbound message. Statuses can arrive out of order (read before delivered), so each
 * state has a rank and a stored state only ever moves forward; {@link #FAILED} is final.
 */
public enum DeliveryState {
    PENDING(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(4),
    FAILED(9),
    /** A status name we do not know; recorded but never overrides a known state. */
    UNKNOWN(-1);

    private final int rank;

    DeliveryState(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static DeliveryState fromWireName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sent", "queued", "accepted", "sending" -> SENT;
            case "delivered" -> DELIVERED;
            case "read" -> READ;
            case "played" -> PLAYED;
            case "failed", "undelivered", "deleted" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
