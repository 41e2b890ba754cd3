package org.planwatch.measure.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.planwatch.measure.definition.Direction;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.Target;

/**
 * Judges whether a measure will meet its target.
 *
 * <p>Two lines decide. The <em>planned line</em> runs straight from the baseline to the target: it is the floor, the
 * least progress that still arrives on time, and the latest figure is compared with its value at that figure's date.
 * The <em>projection</em> is the least-squares straight line through the baseline and the figures since it, carried
 * on to the target's date: it says where the measure is heading, with every figure weighed, so one odd quarter
 * neither condemns nor saves it. Least squares rather than a fancier model because a partnership sees a handful of
 * figures a year and must be able to check the sum by hand.
 *
 * <p>At or ahead of the line and projected to meet the target: ON_TRACK. One of the two: AT_RISK. Neither: OFF_TRACK.
 * Once the target's date has passed, the latest figure alone decides. Figures are STALE when none has come for a
 * period ended more than the reporting interval plus the grace before today.
 */
public final class ProgressJudge {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private ProgressJudge() {
    }

    public static Judgement judge(MeasureDefinition measure, List<Point> figures, LocalDate today, Period grace) {
        List<Point> series = figures.stream().sorted(Comparator.comparing(Point::period)).toList();
        LocalDate lastEnd = series.isEmpty() ? measure.baseline().date() : series.get(series.size() - 1).period().end();
        LocalDate expectedBy = lastEnd.plus(measure.frequency().interval()).plus(grace);
        boolean stale = today.isAfter(expectedBy);
        if (series.isEmpty()) {
            return new Judgement(Outlook.NOT_JUDGED, null, Trend.UNKNOWN, null, null, null, null, stale, expectedBy,
                    "no figures yet");
        }
        Point latest = series.get(series.size() - 1);
        Trend trend = trend(measure.direction(), series);
        Optional<Target> judgedAgainst = measure.targetFor(latest.period().end());
        if (judgedAgainst.isEmpty()) {
            return new Judgement(Outlook.NOT_JUDGED, latest, trend, null, null, null, null, stale, expectedBy,
                    "the measure has no target");
        }
        Target target = judgedAgainst.get();
        Direction better = measure.direction();
        String figure = plain(latest.value()) + " for " + latest.period();
        String goal = plain(target.value()) + " by " + target.by();
        if (!latest.period().end().isBefore(target.by())) {
            boolean met = better.atLeastAsGood(latest.value(), target.value());
            return new Judgement(met ? Outlook.ON_TRACK : Outlook.OFF_TRACK, latest, trend, target, target.value(),
                    latest.value(), "the target's date has passed: the latest figure decides", stale, expectedBy,
                    (met ? "met the target: " : "missed the target: ") + figure + " against " + goal);
        }
        BigDecimal expectedNow = onLine(measure.baseline().date(), measure.baseline().value(), target,
                latest.period().end());
        BigDecimal projected = leastSquares(measure, series, target.by());
        boolean onOrAheadOfLine = better.atLeastAsGood(latest.value(), expectedNow);
        boolean projectedToMeet = better.atLeastAsGood(projected, target.value());
        Outlook outlook = onOrAheadOfLine && projectedToMeet ? Outlook.ON_TRACK
                : onOrAheadOfLine || projectedToMeet ? Outlook.AT_RISK : Outlook.OFF_TRACK;
        String line = figure + (onOrAheadOfLine ? " is at or ahead of " : " is behind ") + plain(expectedNow)
                + ", where the straight line from the baseline " + plain(measure.baseline().value()) + " on "
                + measure.baseline().date() + " to the target " + goal + " stands then";
        String heading = "the trend of " + (series.size() + 1) + " figures (the baseline and " + series.size()
                + " since) projects " + plain(projected) + " by " + target.by()
                + (projectedToMeet ? ", meeting the target" : ", short of the target");
        return new Judgement(outlook, latest, trend, target, expectedNow, projected,
                "least-squares line through the baseline and " + series.size() + " figure(s)", stale, expectedBy,
                line + "; " + heading);
    }

    private static Trend trend(Direction better, List<Point> series) {
        if (series.size() < 2) {
            return Trend.UNKNOWN;
        }
        BigDecimal latest = series.get(series.size() - 1).value();
        BigDecimal before = series.get(series.size() - 2).value();
        return better.better(latest, before) ? Trend.IMPROVING
                : better.better(before, latest) ? Trend.WORSENING : Trend.STEADY;
    }

    /** The planned line's value on {@code date}. */
    static BigDecimal onLine(LocalDate from, BigDecimal start, Target target, LocalDate date) {
        double span = ChronoUnit.DAYS.between(from, target.by());
        double elapsed = ChronoUnit.DAYS.between(from, date);
        double value = start.doubleValue() + (target.value().doubleValue() - start.doubleValue()) * elapsed / span;
        return round(value);
    }

    /** The least-squares line through the baseline and the figures, at {@code date}. */
    static BigDecimal leastSquares(MeasureDefinition measure, List<Point> series, LocalDate date) {
        LocalDate origin = measure.baseline().date();
        int n = series.size() + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        x[0] = 0;
        y[0] = measure.baseline().value().doubleValue();
        for (int i = 0; i < series.size(); i++) {
            x[i + 1] = ChronoUnit.DAYS.between(origin, series.get(i).period().end());
            y[i + 1] = series.get(i).value().doubleValue();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double at = ChronoUnit.DAYS.between(origin, date);
        return round(meanY + slope * (at - meanX));
    }

    private static BigDecimal round(double value) {
        return new BigDecimal(value, PRECISION).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
