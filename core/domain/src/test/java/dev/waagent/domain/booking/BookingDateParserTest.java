package dev.waagent.domain.booking;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day a booking request's free text names, read against a fixed request time: Wednesday 9 December 2026, 10:00
 * in Pune (Asia/Kolkata) unless a case says otherwise.
 */
class BookingDateParserTest {

    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** Wednesday 2026-12-09 10:00 in Pune. */
    private static final Instant WEDNESDAY_MORNING = Instant.parse("2026-12-09T04:30:00Z");

    private final BookingDateParser parser = new BookingDateParser();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "saturday | 2026-12-12",
            "this sat | 2026-12-12",
            "Sat | 2026-12-12",
            "next saturday | 2026-12-12",
            "wednesday | 2026-12-09",
            "next wednesday | 2026-12-16",
            "12 Dec | 2026-12-12",
            "12th of December | 2026-12-12",
            "Dec 12th | 2026-12-12",
            "December 12, 2026 | 2026-12-12",
            "12/12 | 2026-12-12",
            "5/1 | 2027-01-05",
            "12.12.2026 | 2026-12-12",
            "12-14 Dec | 2026-12-12",
            "12 to 14 December | 2026-12-12",
            "1 Dec | 2027-12-01",
            "tomorrow | 2026-12-10",
            "tomorrow 10am | 2026-12-10",
            "day after tomorrow | 2026-12-11",
            "today evening | 2026-12-09",
            "in 3 days | 2026-12-12",
            "this weekend | 2026-12-12",
            "Saturday or Sunday | 2026-12-12",
            "from the 15th | 2026-12-15",
            "from 20th to 22nd | 2026-12-20",
            "tommorow | 2026-12-10",
            "Sat 12 Dec | 2026-12-12",
            "12 dec - 14 dec | 2026-12-12"})
    void readsEnglish(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, WEDNESDAY_MORNING, PUNE)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "kal | 2026-12-10",
            "kal subah 10 baje | 2026-12-10",
            "parso | 2026-12-11",
            "parson shaam ko | 2026-12-11",
            "aaj shaam | 2026-12-09",
            "shanivar ko | 2026-12-12",
            "agle shanivar | 2026-12-12",
            "is saturday | 2026-12-12",
            "15 tarikh | 2026-12-15",
            "3 din baad | 2026-12-12",
            "12 dec ko chahiye | 2026-12-12"})
    void readsHinglish(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, WEDNESDAY_MORNING, PUNE)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "besok | 2026-12-10",
            "besok pagi | 2026-12-10",
            "lusa | 2026-12-11",
            "sabtu | 2026-12-12",
            "hari sabtu | 2026-12-12",
            "sabtu depan | 2026-12-12",
            "rabu depan | 2026-12-16",
            "hari minggu | 2026-12-13",
            "tanggal 12 | 2026-12-12",
            "tgl. 20 | 2026-12-20",
            "tgl 5 | 2027-01-05",
            "12 Desember | 2026-12-12",
            "12-14 Des | 2026-12-12",
            "Jum'at | 2026-12-11",
            "akhir pekan | 2026-12-12"})
    void readsBahasa(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, WEDNESDAY_MORNING, JAKARTA))
                .contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" names no day")
    @ValueSource(strings = {"", "  ", "asap", "next week", "agle hafte", "minggu depan", "2 minggu lagi", "1-2 days",
            "for 3 days", "2nd week of January", "yesterday", "8 Dec 2026", "31 Feb", "sometime in the morning", "kemarin"})
    void anythingUnsureOrPastGivesNoDay(String dates) {
        assertThat(parser.parse(dates, WEDNESDAY_MORNING, PUNE)).isEmpty();
    }

    @Test
    void readsRelativeToTheRequestDayInTheTenantsTimeZone() {
        // 20:30 UTC on Wednesday is already Thursday in Pune and in Jakarta, still Wednesday in UTC.
        Instant lateWednesdayUtc = Instant.parse("2026-12-09T20:30:00Z");

        assertThat(parser.parse("tomorrow", lateWednesdayUtc, PUNE)).contains(LocalDate.parse("2026-12-11"));
        assertThat(parser.parse("besok", lateWednesdayUtc, JAKARTA)).contains(LocalDate.parse("2026-12-11"));
        assertThat(parser.parse("tomorrow", lateWednesdayUtc, ZoneId.of("UTC"))).contains(LocalDate.parse("2026-12-10"));
        assertThat(parser.parse("thursday", lateWednesdayUtc, PUNE)).contains(LocalDate.parse("2026-12-10"));
    }

    @Test
    void aDateWithoutAYearRollsOverAtTheTurnOfTheYear() {
        Instant newYearsEve = Instant.parse("2026-12-31T06:00:00Z");

        assertThat(parser.parse("2 Jan", newYearsEve, PUNE)).contains(LocalDate.parse("2027-01-02"));
        assertThat(parser.parse("kal", newYearsEve, PUNE)).contains(LocalDate.parse("2027-01-01"));
        assertThat(parser.parse("tanggal 31", newYearsEve, JAKARTA)).contains(LocalDate.parse("2026-12-31"));
    }

    /** Thursday 2026-12-10 10:00 in Pune. */
    private static final Instant THURSDAY_MORNING = Instant.parse("2026-12-10T04:30:00Z");

    @ParameterizedTest(name = "\"{0}\" names no day")
    @ValueSource(strings = {"1/2 day", "24/7", "2/3 days", "2nd floor", "1/2 din", "3/4 hari", "2/3 hours", "1/2 jam",
            "lantai 2/3", "3rd floor", "2/3 lantai", "1/2", "3/4", "1/4"})
    void fractionsDurationsAndFloorsAreNotDates(String dates) {
        assertThat(parser.parse(dates, THURSDAY_MORNING, PUNE)).isEmpty();
    }

    @Test
    void aSlashDateBeforeOtherWordsIsStillADate() {
        assertThat(parser.parse("12/12 morning", THURSDAY_MORNING, PUNE)).contains(LocalDate.parse("2026-12-12"));
        assertThat(parser.parse("2/3/2027", THURSDAY_MORNING, PUNE)).contains(LocalDate.parse("2027-03-02"));
        assertThat(parser.parse("5/6", THURSDAY_MORNING, PUNE)).contains(LocalDate.parse("2027-06-05"));
    }

    @ParameterizedTest(name = "\"{0}\" asked on a Thursday starts on {1}")
    @CsvSource(delimiter = '|', value = {
            "mon-fri | 2026-12-14",
            "Mon - Fri | 2026-12-14",
            "monday to friday | 2026-12-14",
            "monday till wednesday | 2026-12-14",
            "somvar se shukravar tak | 2026-12-14",
            "somvar-budhvar | 2026-12-14",
            "senin sampai jumat | 2026-12-14",
            "senin-rabu | 2026-12-14",
            "sat-mon | 2026-12-12",
            "thu to sat | 2026-12-10",
            "next mon to wed | 2026-12-14"})
    void aWeekdayRangeStartsOnItsFirstDay(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, THURSDAY_MORNING, PUNE)).contains(expected);
    }

    /** Tuesday 2026-12-01 10:00 in Jakarta; Saturdays that month are the 5th, 12th and 19th, the 20th is a Sunday. */
    private static final Instant TUESDAY_IN_JAKARTA = Instant.parse("2026-12-01T03:00:00Z");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "19/12 hari sabtu | 2026-12-19",
            "tanggal 19/12 hari Sabtu | 2026-12-19",
            "20/12 hari minggu | 2026-12-20",
            "12/12 hari | 2026-12-12",
            "20/12 din | 2026-12-20",
            "12/12/2026 hari sabtu | 2026-12-12",
            "1/2 hari sabtu | 2026-12-05",
            "3 din baad | 2026-12-04"})
    void hariOrDinAfterAFullDateIntroducesTheWeekdayNotADuration(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, TUESDAY_IN_JAKARTA, JAKARTA)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "sabtu 19 desember | 2026-12-19",
            "saturday 19 dec | 2026-12-19",
            "Sat, Dec 19 | 2026-12-19",
            "hari sabtu tanggal 19 | 2026-12-19",
            "sabtu 12/12 | 2026-12-12",
            "next saturday 19 dec | 2026-12-19"})
    void aCalendarDateWinsOverTheWeekdayNamedWithIt(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, TUESDAY_IN_JAKARTA, JAKARTA)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" names no day")
    @ValueSource(strings = {"sabtu 20 desember", "saturday 20 dec", "20/12 hari sabtu", "tanggal 20/12 hari Sabtu",
            "Sat Dec 20", "tanggal 20 hari sabtu"})
    void aWeekdayThatDisagreesWithTheDateGivesNoDay(String dates) {
        assertThat(parser.parse(dates, TUESDAY_IN_JAKARTA, JAKARTA)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "booking 1/3 | 2027-03-01",
            "3/4 jam 10 | 2027-04-03",
            "1/2 pagi | 2027-02-01",
            "datang 2/3 ya | 2027-03-02",
            "12/12 jam 10 | 2026-12-12",
            "1/4 at 10am | 2027-04-01"})
    void aSmallDayFirstDateInASentenceIsADate(String dates, LocalDate expected) {
        assertThat(parser.parse(dates, TUESDAY_IN_JAKARTA, JAKARTA)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" names no day")
    @ValueSource(strings = {"1/2", " 3/4 ", "1/2 hari", "2/3 hari", "3 din", "2 hari", "1/2 jam", "2/3 days", "5/6 days",
            "24/7", "open 24/7", "lantai 2/3", "2/3 lantai", "1/3 floor", "2/3 din"})
    void aFractionNextToAUnitOrStandingAloneIsNoDay(String dates) {
        assertThat(parser.parse(dates, TUESDAY_IN_JAKARTA, JAKARTA)).isEmpty();
    }
}
