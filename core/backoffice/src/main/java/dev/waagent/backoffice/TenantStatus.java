package dev.waagent.backoffice;

import java.util.Locale;
import java.util.Optional;

/** An {@code active} tenant's customers are answered; a {@code suspended} one's are not (the webhook drops them). */
public enum TenantStatus {
    ACTIVE, SUSPENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TenantStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (TenantStatus status : values()) {
            if (status.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
