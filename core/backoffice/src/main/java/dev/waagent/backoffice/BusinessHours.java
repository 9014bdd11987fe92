package dev.waagent.backoffice;

import dev.waagent.backoffice.input.Problems;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opening hours per weekday, written as people write them: {@code "mon": "10:00-20:00"}, several ranges as
 * {@code "10:00-13:00,14:00-19:00"}, or {@code "closed"}. Days not given are unknown (the agent says the team
 * will confirm).
 */
public final class BusinessHours {

    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Map<String, String> DAY_NAMES = Map.of("mon", "Mon", "tue", "Tue", "wed", "Wed", "thu", "Thu",
            "fri", "Fri", "sat", "Sat", "sun", "Sun");

    private BusinessHours() {
    }

    /** Reports unknown days and badly written ranges; returns the hours in weekday order, normalised. */
    public static Map<String, String> validate(Map<String, String> hours, @Nullable Integer row, Problems problems) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : hours.keySet()) {
            if (!DAYS.contains(key)) {
                problems.add(row, "business_hours." + key, "unknown day (use " + String.join(", ", DAYS) + ")");
            }
        }
        for (String day : DAYS) {
            String value = hours.get(day);
            if (value == null) {
                continue;
            }
            String normalised = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!normalised.equals("closed") && !validRanges(normalised)) {
                problems.add(row, "business_hours." + day, "must be \"closed\" or ranges like \"10:00-20:00\" (24 h, opening before closing)");
            }
            ordered.put(day, normalised.replace(" ", ""));
        }
        return ordered;
    }

    private static boolean validRanges(String value) {
        for (String range : value.replace(" ", "").split(",")) {
            String[] ends = range.split("-");
            if (ends.length != 2) {
                return false;
            }
            try {
                if (!LocalTime.parse(ends[0]).isBefore(LocalTime.parse(ends[1]))) {
                    return false;
                }
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return true;
    }

    /** "Mon 10:00-20:00; …; Sun closed", for the agent's business facts. Empty when no day is given. */
    public static String describe(Map<String, String> hours) {
        StringBuilder text = new StringBuilder();
        for (String day : DAYS) {
            String value = hours.get(day);
            if (value != null) {
                if (text.length() > 0) {
                    text.append("; ");
                }
                text.append(DAY_NAMES.get(day)).append(' ').append(value.replace(",", ", "));
            }
        }
        return text.toString();
    }
}
