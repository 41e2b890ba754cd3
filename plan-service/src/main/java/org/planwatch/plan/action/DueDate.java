package org.planwatch.plan.action;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline as a plan states it. {@code date} is the last day the deadline allows: "Jun 22" is due on
 * 30 June 2022, "Q2 2023" on 30 June 2023. {@code text} keeps the words the plan used.
 */
public record DueDate(LocalDate date, DatePrecision precision, String text) {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(?i)(?:(\\d{4})[- ]?Q([1-4])|Q([1-4])[- ]?(\\d{2}|\\d{4}))");
    private static final Pattern MONTH_WORDS = Pattern.compile("(?i)([a-z]{3,9})\\.?[ -]+(\\d{2}|\\d{4})");
    private static final Pattern DAY_WORDS = Pattern.compile("(?i)(\\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\\.? (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final DateTimeFormatter MONTH_TEXT = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public DueDate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        text = text == null || text.isBlank() ? describe(date, precision) : text.strip();
    }

    /**
     * Reads a deadline written the way plans and people write them: {@code 2022-06-30}, {@code 2022-06},
     * {@code 2023-Q2}, {@code Jun 22}, {@code Sept 22}, {@code June 2023}, {@code 30 June 2022}, {@code 2024}.
     *
     * @throws IllegalArgumentException naming what could not be read
     */
    public static DueDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a due date is required, for example 2022-06-30, 2022-06 or Jun 22");
        }
        String input = text.strip();
        try {
            if (input.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new DueDate(LocalDate.parse(input), DatePrecision.DAY, input);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + input + "' is not a real calendar date");
        }
        Matcher m = ISO_MONTH.matcher(input);
        if (m.matches()) {
            return new DueDate(yearMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), input)
                    .atEndOfMonth(), DatePrecision.MONTH, input);
        }
        m = QUARTER.matcher(input);
        if (m.matches()) {
            int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : fullYear(m.group(4));
            int quarter = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(3));
            return new DueDate(YearMonth.of(year, quarter * 3).atEndOfMonth(), DatePrecision.QUARTER, input);
        }
        m = DAY_WORDS.matcher(input);
        if (m.matches()) {
            YearMonth month = yearMonth(Integer.parseInt(m.group(3)), month(m.group(2), input), input);
            int day = Integer.parseInt(m.group(1));
            if (!month.isValidDay(day)) {
                throw new IllegalArgumentException("'" + input + "' is not a real calendar date");
            }
            return new DueDate(month.atDay(day), DatePrecision.DAY, input);
        }
        m = MONTH_WORDS.matcher(input);
        if (m.matches()) {
            YearMonth month = yearMonth(fullYear(m.group(2)), month(m.group(1), input), input);
            return new DueDate(month.atEndOfMonth(), DatePrecision.MONTH, input);
        }
        m = YEAR.matcher(input);
        if (m.matches()) {
            return new DueDate(LocalDate.of(Integer.parseInt(m.group(1)), 12, 31), DatePrecision.YEAR, input);
        }
        throw new IllegalArgumentException("'" + input
                + "' is not a date; write it as 2022-06-30, 2022-06, 2022-Q2, Jun 22 or June 2022");
    }

    /** Looks for a deadline inside longer text such as "Target date: June 2023 and 6-month review". */
    public static java.util.Optional<DueDate> find(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        Matcher m = Pattern.compile("(?i)\\b(\\d{1,2}(?:st|nd|rd|th)? [a-z]{3,9}\\.? \\d{4}|[a-z]{3,9}\\.?[ -]+(?:\\d{4}|\\d{2})\\b|\\d{4}-\\d{2}(?:-\\d{2})?|\\d{4}-?Q[1-4])")
                .matcher(text);
        while (m.find()) {
            try {
                return java.util.Optional.of(parse(m.group(1)));
            } catch (IllegalArgumentException notADate) {
                // words such as "review 2023" match the shape but name no month; keep looking
            }
        }
        return java.util.Optional.empty();
    }

    public boolean isBefore(LocalDate day) {
        return date.isBefore(day);
    }

    private static int month(String word, String input) {
        String key = word.toLowerCase(Locale.ROOT);
        Integer month = key.length() >= 3 ? MONTHS.get(key.substring(0, 3)) : null;
        boolean knownSpelling = month != null && (key.length() == 3 || key.equals("sept")
                || YearMonth.of(2000, month).getMonth().name().toLowerCase(Locale.ROOT).equals(key));
        if (!knownSpelling) {
            throw new IllegalArgumentException("'" + input + "' does not name a month");
        }
        return month;
    }

    private static YearMonth yearMonth(int year, int month, String input) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("'" + input + "' has no month " + month);
        }
        return YearMonth.of(year, month);
    }

    private static int fullYear(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    private static String describe(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date.format(DAY_TEXT);
            case MONTH -> date.format(MONTH_TEXT);
            case QUARTER -> "Q" + ((date.getMonthValue() + 2) / 3) + " " + date.getYear();
            case YEAR -> Integer.toString(date.getYear());
        };
    }
}
