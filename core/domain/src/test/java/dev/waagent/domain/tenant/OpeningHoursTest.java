package dev.waagent.domain.tenant;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");
    private final OpeningHours hours = OpeningHours.parse(Map.of(
            "mon", "10:00-13:00,14:00-20:00", "tue", "10:00-20:00", "sat", "10:00-16:00", "sun", "closed"));

    @Test
    void openInsideARangeAndClosedOverLunch() {
        assertThat(hours.isOpenAt(ZonedDateTime.of(2026, 11, 23, 12, 59, 0, 0, PUNE))).isTrue(); // Monday
        assertThat(hours.isOpenAt(ZonedDateTime.of(2026, 11, 23, 13, 30, 0, 0, PUNE))).isFalse();
        assertThat(hours.isOpenAt(ZonedDateTime.of(2026, 11, 23, 20, 0, 0, 0, PUNE))).isFalse();
    }

    @Test
    void aClosedDayIsClosedAndAnUnknownDayPromisesNothing() {
        assertThat(hours.isOpenAt(ZonedDateTime.of(2026, 11, 22, 11, 0, 0, 0, PUNE))).isFalse(); // Sunday
        assertThat(hours.isOpenAt(ZonedDateTime.of(2026, 11, 25, 3, 0, 0, 0, PUNE))).isTrue(); // Wednesday: not given
    }

    @Test
    void nextOpeningAfterClosingIsTheNextKnownRange() {
        ZonedDateTime sundayNight = ZonedDateTime.of(2026, 11, 22, 22, 0, 0, 0, PUNE);
        assertThat(hours.nextOpening(sundayNight)).contains(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, PUNE));
        ZonedDateTime mondayLunch = ZonedDateTime.of(2026, 11, 23, 13, 15, 0, 0, PUNE);
        assertThat(hours.nextOpening(mondayLunch)).contains(ZonedDateTime.of(2026, 11, 23, 14, 0, 0, 0, PUNE));
    }

    @Test
    void badlyWrittenDaysAreIgnoredAndTheNotationRoundTrips() {
        OpeningHours parsed = OpeningHours.parse(Map.of("mon", "10-20", "tue", "09:00-18:00", "xyz", "10:00-11:00"));
        assertThat(parsed.asMap()).isEqualTo(Map.of("tue", "09:00-18:00"));
        assertThat(OpeningHours.parse(hours.asMap())).isEqualTo(hours);
        assertThat(OpeningHours.parse(Map.of()).known()).isFalse();
    }
}
