package dev.waagent.domain.tenant;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When people answer at the business, per weekday in the tenant's own time zone. Written as the back office
 * stores it: {@code "mon" -> "10:00-20:00"}, several ranges as {@code "10:00-13:00,14:00-19:00"}, or
 * {@code "closed"}. A day not given is unknown: the agent neither promises nor refuses a reply time for it.
 */
public final class OpeningHours {

    public static final OpeningHours UNKNOWN = new OpeningHours(Map.of());

    private static final List<String> DAY_KEYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final Map<DayOfWeek, List<Range>> days;

    private OpeningHours(Map<DayOfWeek, List<Range>> days) {
        this.days = days;
    }

    /** Reads the back office's notation; badly written days count as unknown (the back office validates on write). */
    public static OpeningHours parse(Map<String, String> byDay) {
        if (byDay == null || byDay.isEmpty()) {
            return UNKNOWN;
        }
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> entry : byDay.entrySet()) {
            int index = DAY_KEYS.indexOf(entry.getKey().strip().toLowerCase(Locale.ROOT));
            if (index < 0 || entry.getValue() == null) {
                continue;
            }
            parseRanges(entry.getValue()).ifPresent(ranges -> days.put(DayOfWeek.of(index + 1), ranges));
        }
        return new OpeningHours(Collections.unmodifiableMap(days));
    }

    private static Optional<List<Range>> parseRanges(String value) {
        String normalised = value.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (normalised.equals("closed")) {
            return Optional.of(List.of());
        }
        List<Range> ranges = new ArrayList<>();
        for (String range : normalised.split(",")) {
            String[] ends = range.split("-");
            if (ends.length != 2) {
                return Optional.empty();
            }
            try {
                LocalTime from = LocalTime.parse(ends[0]);
                LocalTime to = LocalTime.parse(ends[1]);
                if (!from.isBefore(to)) {
                    return Optional.empty();
                }
                ranges.add(new Range(from, to));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(ranges));
    }

    /** Whether any day is known; with none known, nothing is said about opening times. */
    public boolean known() {
        return !days.isEmpty();
    }

    /** Open at that moment (the moment given in the tenant's zone); unknown days count as open. */
    public boolean isOpenAt(ZonedDateTime localTime) {
        List<Range> ranges = days.get(localTime.getDayOfWeek());
        if (ranges == null) {
            return true;
        }
        LocalTime time = localTime.toLocalTime();
        return ranges.stream().anyMatch(range -> !time.isBefore(range.from()) && time.isBefore(range.to()));
    }

    /** The next opening after {@code localTime}, within a week; empty when no known day ever opens. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime localTime) {
        for (int dayOffset = 0; dayOffset <= 7; dayOffset++) {
            ZonedDateTime day = localTime.plusDays(dayOffset);
            List<Range> ranges = days.get(day.getDayOfWeek());
            if (ranges == null) {
                continue;
            }
            for (Range range : ranges) {
                ZonedDateTime opening = day.with(range.from()).withSecond(0).withNano(0);
                if (opening.isAfter(localTime)) {
                    return Optional.of(opening);
                }
            }
        }
        return Optional.empty();
    }

    /** The back office's notation again, weekdays in order (what the tenant projection stores). */
    public Map<String, String> asMap() {
        Map<String, String> byDay = new LinkedHashMap<>();
        days.forEach((day, ranges) -> byDay.put(DAY_KEYS.get(day.getValue() - 1), ranges.isEmpty() ? "closed"
                : String.join(",", ranges.stream().map(Range::toString).toList())));
        return byDay;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningHours hours && hours.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    private record Range(LocalTime from, LocalTime to) {
        @Override
        public String toString() {
            return from + "-" + to;
        }
    }
}
