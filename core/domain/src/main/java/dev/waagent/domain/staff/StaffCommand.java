package dev.waagent.domain.staff;

import dev.waagent.domain.catalog.Availability;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a staff member asked for, parsed from a message to the business number ({@link StaffCommandParser}).
 * Customer references are kept as written ({@link CustomerReference} resolves them).
 */
public sealed interface StaffCommand {

    /** {@code /inventory [filter]}, "cek stok": the catalog with availability, stock and price. */
    record Inventory(String filter) implements StaffCommand {
        public Inventory {
            filter = filter == null ? "" : filter.strip();
        }
    }

    /** {@code /status <item> <state>}: sets an item's availability. */
    record SetStatus(String item, Availability availability) implements StaffCommand {
        public SetStatus {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(availability, "availability");
        }
    }

    /** {@code /price <item> <price>}: sets an item's price (in the item's currency). */
    record SetPrice(String item, BigDecimal price) implements StaffCommand {
        public SetPrice {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(price, "price");
        }
    }

    /** {@code /stats}, "laporan": the latest daily figures. */
    record Stats() implements StaffCommand {
    }

    /** {@code /pause <customer>}: a person takes the conversation over; the bot stays silent. */
    record Pause(String customer) implements StaffCommand {
        public Pause {
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** {@code /resume <customer>}: the conversation goes back to the bot. */
    record Resume(String customer) implements StaffCommand {
        public Resume {
            Objects.requireNonNull(customer, "customer");
        }
    }

    /** {@code /reply <customer> <text>}: answers the customer through the business number. */
    record Reply(String customer, String text) implements StaffCommand {
        public Reply {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code /help}, or anything not understood.
     *
     * @param problem what was wrong ({@code null} when help was asked for)
     * @param usage   the usage line of the command that was misused ({@code null} for the full help)
     */
    record Help(String problem, String usage) implements StaffCommand {
        public static final Help ASKED = new Help(null, null);
    }
}
