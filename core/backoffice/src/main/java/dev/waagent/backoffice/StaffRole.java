package dev.waagent.backoffice;

import java.util.Locale;
import java.util.Optional;

/** What a staff member may do on WhatsApp: owners get the daily briefing and every command; staff take handoffs. */
public enum StaffRole {
    OWNER, STAFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StaffRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (StaffRole role : values()) {
            if (role.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
