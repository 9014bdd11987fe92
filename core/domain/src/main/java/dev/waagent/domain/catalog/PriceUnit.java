package dev.waagent.domain.catalog;

import java.util.Locale;
import java.util.Optional;

/** What a catalog price is for. */
public enum PriceUnit {
    PER_HOUR, PER_DAY, PER_WEEK, PER_MONTH, PER_ITEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code per_day}, {@code per-day}, {@code PER_DAY} or {@code day}. */
    public static Optional<PriceUnit> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (PriceUnit unit : values()) {
            if (unit.name().equals(wanted) || unit.name().equals("PER_" + wanted)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
