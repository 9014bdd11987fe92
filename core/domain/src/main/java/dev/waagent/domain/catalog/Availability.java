package dev.waagent.domain.catalog;

import java.util.Locale;
import java.util.Optional;

/** Whether a catalog item can be had now. */
public enum Availability {
    IN_STOCK, LIMITED, OUT_OF_STOCK, ON_REQUEST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Availability> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Availability availability : values()) {
            if (availability.name().equals(wanted)) {
                return Optional.of(availability);
            }
        }
        return Optional.empty();
    }
}
