package dev.waagent.domain.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the concrete day a customer means in a booking request's free-text dates, in English, Hinglish or Bahasa
 * Indonesia: "saturday", "this sat", "agle shanivar", "sabtu depan", "12 Dec", "Dec 12th", "12/12", "12-14 Des",
 * "tomorrow", "kal", "parso", "besok", "lusa", "tanggal 12", "12 tarikh", "in 3 days", "weekend".
 * <p>
 * Everything is read relative to the day the request was made, in the tenant's time zone (the caller passes the
 * request instant from the one clock). Numeric dates are day first ({@code 12/11} = 12 November), as in India and
 * Indonesia; a date without a year is the next one on or after the request day. A range ("12-14 Dec", "mon-fri",
 * "senin sampai jumat") gives its first day; fractions, durations and floors ("1/2 day", "24/7", "2nd floor") are no
 * day; several mentions give the earliest day still to come. A calendar date wins over a weekday named with it
 * ("sabtu 19 desember", "19/12 hari sabtu"); when they disagree ("saturday 20 dec" in 2026, a Sunday) there is no
 * date. Anything unsure gives no date: a reminder on a wrong day is worse than none (staff still confirm every
 * booking). Stateless and thread-safe.
 */
public final class BookingDateParser {

    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        String[][] months = {
                {"january", "jan", "januari", "janvari"},
                {"february", "feb", "februari", "pebruari", "farvari"},
                {"march", "mar", "maret", "march"},
                {"april", "apr"},
                {"may", "mei"},
                {"june", "jun", "juni"},
                {"july", "jul", "juli", "julai"},
                {"august", "aug", "agustus", "agu", "agt", "ags", "agust"},
                {"september", "sep", "sept"},
                {"october", "oct", "oktober", "okt"},
                {"november", "nov", "nop", "nopember"},
                {"december", "dec", "desember", "des", "disambar"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                MONTHS.put(name, Month.of(i + 1));
            }
        }
        String[][] days = {
                {"monday", "mon", "somvar", "somvaar", "somwar", "senin"},
                {"tuesday", "tue", "tues", "mangalvar", "mangalwar", "mangalvaar", "selasa"},
                {"wednesday", "wed", "budhvar", "budhwar", "budhvaar", "rabu"},
                {"thursday", "thu", "thur", "thurs", "guruvar", "guruwar", "brihaspativar", "veervar", "kamis"},
                {"friday", "fri", "shukravar", "shukrawar", "shukravaar", "jumat", "jumaat"},
                {"saturday", "sat", "shanivar", "shaniwar", "shanivaar", "sanivar", "saniwar", "sabtu"},
                {"sunday", "sun", "ravivar", "raviwar", "ravivaar", "itvar", "etwar", "minggu", "ahad"}};
        for (int i = 0; i < days.length; i++) {
            for (String name : days[i]) {
                WEEKDAYS.put(name, DayOfWeek.of(i + 1));
            }
        }
    }

    private static final String MONTH = "(" + String.join("|", MONTHS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")\\.?";
    private static final String WEEKDAY = "(" + String.join("|", WEEKDAYS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    /** Words after an ordinal that make it a duration or a floor: "2nd floor", "3rd hari". */
    private static final String NOT_A_DAY = "(?:days?|din|hari|hours?|hrs?|jam|floor|lantai|tala|manzil)";
    /** A unit after a no-year "n/m" that makes it a duration or a floor whatever its numbers: "5/6 days", "2/3 lantai". */
    private static final Pattern UNIT_AFTER = Pattern.compile(
            "^\\s*(?:days?|hours?|hrs?|floor|lantai|tala|manzil)\\b|^\\s*jam\\b(?!\\s*\\d)");
    /** "hari"/"din" after "n/m": "1/2 hari" is half a day, but in "19/12 hari sabtu" it introduces the weekday. */
    private static final Pattern DAY_WORD_AFTER = Pattern.compile("^\\s*(?:hari|din)\\b");
    private static final Pattern FLOOR_BEFORE = Pattern.compile("\\b(?:floor|lantai|tala|manzil)\\s*$");
    private static final Pattern WORD_OR_NUMBER = Pattern.compile("[\\p{L}\\d]");
    private static final String RANGE = "(?:\\s*(?:-|–|to|till|until|sampai|hingga|s/d|sd)\\s*\\d{1,2}" + ORDINAL + ")?";

    private static final Pattern DAY_AFTER_TOMORROW = Pattern.compile("\\b(day after tomorrow|parso|parson|parsoon|lusa)\\b");
    private static final Pattern TOMORROW = Pattern.compile("\\b(tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|kal|besok|bsk|esok)\\b");
    private static final Pattern TODAY = Pattern.compile("\\b(today|tonight|aaj|hari ini|malam ini|nanti malam)\\b");
    private static final Pattern IN_DAYS = Pattern.compile(
            "\\b(?:in\\s+(\\d{1,2})\\s+days?|(\\d{1,2})\\s+din\\s+(?:baad|bad|mein|me)|(\\d{1,2})\\s+hari\\s+lagi)\\b");
    /** 12 Dec, 12th of December, 12-14 Des 2026. */
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})" + ORDINAL + RANGE + "\\s*(?:of\\s+)?" + MONTH + "(?:\\s*,?\\s*(\\d{4}))?\\b");
    /** Dec 12, December 12th, 2026. */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})" + ORDINAL + "\\b(?:\\s*,?\\s*(\\d{4}))?");
    /** 12/12, 12/12/2026, 12-12-26, 12.12.2026: day first; "-" and "." only with a year (so "1-2 days" stays a range). */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})(?:/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?|([-.])(\\d{1,2})\\4(\\d{2}|\\d{4}))(?![\\d/.-]|\\s*(?:am|pm|baje)\\b)");
    /** tanggal 12, tgl. 12, tarikh 12, 12 tarikh, the 12th, 20th (a bare ordinal, read after any month was). */
    private static final Pattern DAY_OF_MONTH = Pattern.compile(
            "\\b(?:(?:tanggal|tgl\\.?|tarikh|tareekh|tarik)\\s*(\\d{1,2})|(\\d{1,2})\\s*(?:tarikh|tareekh|tarik|ko)\\b|(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s*(?:week|hafte|minggu|time|day|" + NOT_A_DAY + "\\b)))");
    /** A weekday with what may qualify it: "next sat", "agle shanivar", "sabtu depan", "hari minggu". */
    private static final Pattern WEEKDAY_MENTION = Pattern.compile(
            "\\b(?:(next|coming|this|is|agle|agla|agli|aane wale|hari)\\s+)?" + WEEKDAY + "\\b(?:\\s+(depan|ini|nanti|lalu|kemarin|lagi|ko|wala))?");
    /** "mon-fri", "monday to friday", "somvar se shukravar tak", "senin sampai jumat": one booking from its first day. */
    private static final Pattern WEEKDAY_RANGE = Pattern.compile(
            "\\b(?:(next|coming|this|agle|agla|agli)\\s+)?" + WEEKDAY + "\\s*(?:-|–|\\s(?:to|till|until|sampai|hingga|se|tak|s/d|sd)\\s)\\s*"
                    + WEEKDAY + "\\b(?:\\s+tak\\b)?");
    private static final Pattern WEEKEND = Pattern.compile("\\b(weekend|week-end|wiken|akhir pekan|akhir minggu)\\b");

    /** The booking's day, or empty when the text names no concrete day still to come. */
    public Optional<LocalDate> parse(String dates, Instant requestedAt, ZoneId zone) {
        if (dates == null || dates.isBlank()) {
            return Optional.empty();
        }
        LocalDate today = requestedAt.atZone(zone).toLocalDate();
        StringBuilder text = new StringBuilder(dates.toLowerCase(Locale.ROOT).replace('\u2019', '\'')
                .replace("'", "").replaceAll("\\s+", " "));
        List<LocalDate> calendarDates = new ArrayList<>();
        List<LocalDate> found = new ArrayList<>();
        List<LocalDate> weekdays = new ArrayList<>();
        consume(text, DAY_MONTH, m -> dayMonth(today, m.group(1), m.group(2), m.group(3)), calendarDates);
        consume(text, MONTH_DAY, m -> dayMonth(today, m.group(2), m.group(1), m.group(3)), calendarDates);
        consume(text, NUMERIC, m -> numeric(today, m, text), calendarDates);
        consume(text, DAY_AFTER_TOMORROW, m -> Optional.of(today.plusDays(2)), found);
        consume(text, TOMORROW, m -> Optional.of(today.plusDays(1)), found);
        consume(text, TODAY, m -> Optional.of(today), found);
        consume(text, IN_DAYS, m -> {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return Optional.of(today.plusDays(Integer.parseInt(n)));
        }, found);
        consume(text, DAY_OF_MONTH, m -> {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            return dayOfMonth(today, Integer.parseInt(n));
        }, calendarDates);
        consume(text, WEEKEND, m -> Optional.of(today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))), found);
        consume(text, WEEKDAY_RANGE, m -> weekday(today, m.group(1), m.group(2), null, text, m.start()), found);
        consume(text, WEEKDAY_MENTION, m -> weekday(today, m.group(1), m.group(2), m.group(3), text, m.start()), weekdays);
        found.addAll(calendarDates);
        if (calendarDates.isEmpty()) {
            found.addAll(weekdays);
        } else if (!weekdays.stream().allMatch(weekday -> calendarDates.stream()
                .anyMatch(date -> date.getDayOfWeek() == weekday.getDayOfWeek()))) {
            // "saturday 20 dec" when the 20th is a Sunday: one of them is wrong and we cannot tell which.
            return Optional.empty();
        }
        return found.stream().filter(day -> !day.isBefore(today)).min(LocalDate::compareTo);
    }

    private interface Reading {
        Optional<LocalDate> read(Matcher match);
    }

    /** Reads every match of {@code pattern} and blanks it out, so a later, looser pattern cannot read it again. */
    private static void consume(StringBuilder text, Pattern pattern, Reading reading, List<LocalDate> found) {
        Matcher match = pattern.matcher(text.toString());
        List<int[]> spans = new ArrayList<>();
        while (match.find()) {
            Optional<LocalDate> day = reading.read(match);
            if (day.isPresent()) {
                found.add(day.get());
                spans.add(new int[]{match.start(), match.end()});
            }
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static Optional<LocalDate> dayMonth(LocalDate today, String day, String month, String year) {
        Month named = MONTHS.get(month.replace(".", ""));
        if (named == null) {
            return Optional.empty();
        }
        return date(today, Integer.parseInt(day), named.getValue(), year);
    }

    private static Optional<LocalDate> numeric(LocalDate today, Matcher m, CharSequence text) {
        boolean slash = m.group(2) != null;
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(slash ? m.group(2) : m.group(5));
        String year = slash ? m.group(3) : m.group(6);
        if (slash && year == null && notADay(day, month, m, text)) {
            return Optional.empty();
        }
        return date(today, day, month, year);
    }

    /**
     * Whether a no-year "n/m" is round the clock ("24/7"), a duration or a floor ("5/6 days", "1/2 jam", "lantai 2/3")
     * or a lone fraction ("1/2") rather than a day-first date ("booking 1/3", "3/4 jam 10", "19/12 hari sabtu").
     */
    private static boolean notADay(int day, int month, Matcher m, CharSequence text) {
        if (day == 24 && month == 7) {
            return true;
        }
        String before = text.subSequence(0, m.start()).toString();
        String after = text.subSequence(m.end(), text.length()).toString();
        if (UNIT_AFTER.matcher(after).find() || FLOOR_BEFORE.matcher(before).find()) {
            return true;
        }
        boolean fraction = day < month && month <= 4;
        // "2/3 hari", "5/6 din": two or three days, five or six days; "12/12 hari" is a date.
        boolean count = month == day + 1 && month <= 7;
        if (DAY_WORD_AFTER.matcher(after).find()) {
            return fraction || count;
        }
        return fraction && !WORD_OR_NUMBER.matcher(before).find() && !WORD_OR_NUMBER.matcher(after).find();
    }

    /** A day and month; without a year the next one on or after today. */
    private static Optional<LocalDate> date(LocalDate today, int day, int month, String year) {
        try {
            if (year != null) {
                int y = Integer.parseInt(year);
                return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
            }
            LocalDate thisYear = LocalDate.of(today.getYear(), month, day);
            return Optional.of(thisYear.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : thisYear);
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    /** "tanggal 12": this month's 12th, or next month's once it has passed. */
    private static Optional<LocalDate> dayOfMonth(LocalDate today, int day) {
        for (int ahead = 0; ahead < 3; ahead++) {
            LocalDate month = today.withDayOfMonth(1).plusMonths(ahead);
            if (day >= 1 && day <= month.lengthOfMonth()) {
                LocalDate candidate = month.withDayOfMonth(day);
                if (!candidate.isBefore(today)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The nearest such weekday on or after today; "next", "agle", "depan" mean the nearest one after today. In Bahasa
     * "minggu" is also "week": "minggu depan" (next week), "2 minggu" (two weeks) name no day.
     */
    private static Optional<LocalDate> weekday(LocalDate today, String before, String name, String after,
                                               CharSequence text, int start) {
        DayOfWeek day = WEEKDAYS.get(name);
        if ("minggu".equals(name) && !"hari".equals(before)) {
            if (after != null && !"ko".equals(after) && !"wala".equals(after)) {
                return Optional.empty();
            }
            String preceding = text.subSequence(Math.max(0, start - 4), start).toString().trim();
            if (!preceding.isEmpty() && Character.isDigit(preceding.charAt(preceding.length() - 1))) {
                return Optional.empty();
            }
        }
        if ("lalu".equals(after) || "kemarin".equals(after)) {
            return Optional.empty();
        }
        boolean next = before != null && (before.equals("next") || before.startsWith("agl") || before.equals("aane wale"))
                || "depan".equals(after) || "lagi".equals(after);
        return Optional.of(next ? today.with(TemporalAdjusters.next(day)) : today.with(TemporalAdjusters.nextOrSame(day)));
    }
}
