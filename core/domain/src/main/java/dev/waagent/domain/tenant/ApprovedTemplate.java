package dev.waagent.domain.tenant;

import java.util.List;
import java.util.Objects;

/**
 * A message template the tenant had approved by Meta, bound to what the agent uses it for: once the 24-hour
 * customer service window is closed, a follow-up, a booking reminder or a notice to a staff member whose own
 * window is closed can only go out as one of these.
 *
 * @param purpose    what the agent uses it for: {@code follow_up}, {@code booking_reminder}, {@code staff_alert}
 * @param name       the template's approved name
 * @param language   the approved translation's code ({@code en_US}, {@code id}, {@code hi})
 * @param parameters what fills {@code {{1}}}, {@code {{2}}}, … in order: {@code customer_name}, {@code topic},
 *                   {@code business_name}, {@code item}, {@code date}; for {@code staff_alert} also
 *                   {@code customer} (name and number), {@code reason}, {@code summary}, {@code staff_name}
 */
public record ApprovedTemplate(String purpose, String name, String language, List<String> parameters) {

    public static final String FOLLOW_UP = "follow_up";
    public static final String BOOKING_REMINDER = "booking_reminder";
    /** Handoffs, new leads and other staff notices, for a staff number that has not written in 24 hours. */
    public static final String STAFF_ALERT = "staff_alert";

    public ApprovedTemplate {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * What fills {@code customer_name}: the customer's name, or when it is unknown a neutral address in the template's
     * language ("Hi there,", "Halo Kak,", "Namaste ji,"), never Meta's required-but-empty "-" ("Hi -,").
     */
    public String customerName(String known) {
        if (known != null && !known.isBlank()) {
            return known.strip();
        }
        String code = language.toLowerCase(java.util.Locale.ROOT);
        if (code.startsWith("id") || code.startsWith("ms")) {
            return "Kak";
        }
        return code.startsWith("hi") ? "ji" : "there";
    }
}
