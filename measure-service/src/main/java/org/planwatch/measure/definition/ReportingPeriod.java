package org.planwatch.measure.definition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure is for, written as partners' systems write it: a month "2024-03", a quarter "2024-Q1" (calendar
 * quarters), a year "2024" or a date "2024-03-15". Periods sort by their end, which is the date a figure is plotted at.
 */
public record ReportingPeriod(PeriodKind kind, LocalDate start, LocalDate end) implements Comparable<ReportingPeriod> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** The period {@code text} names, or empty when it names none. */
    public static Optional<ReportingPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String written = text.strip();
        try {
            // Dates first, and without a DateTimeFormatter: most figures are daily or monthly, and this runs for each.
            Matcher m;
            if ((m = DATE.matcher(written)).matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return Optional.of(new ReportingPeriod(PeriodKind.DATE, date, date));
            }
            if ((m = MONTH.matcher(written)).matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return Optional.of(new ReportingPeriod(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth()));
            }
            if ((m = QUARTER.matcher(written)).matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2);
                return Optional.of(new ReportingPeriod(PeriodKind.QUARTER, first.atDay(1),
                        first.plusMonths(2).atEndOfMonth()));
            }
            if ((m = YEAR.matcher(written)).matches()) {
                int year = Integer.parseInt(m.group(1));
                return Optional.of(new ReportingPeriod(PeriodKind.YEAR, LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31)));
            }
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The canonical way to write this period, which is also its key among a measure's data points. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(start.getYear());
            case DATE -> start.toString();
        };
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        int byEnd = end.compareTo(other.end);
        return byEnd != 0 ? byEnd : start.compareTo(other.start);
    }
}
