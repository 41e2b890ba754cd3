package org.planwatch.measure.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.Target;

/**
 * A measure's progress as an SVG picture that emails and the console can show: its figures, the straight line from
 * the baseline to the target (the least progress that arrives on time), the trend carried on to the target's date,
 * and the target itself. Titled and described for screen readers; the words say what the picture shows.
 */
public final class ProgressChart {

    public static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 40;
    private static final int BOTTOM = 48;

    private ProgressChart() {
    }

    public static String svg(MeasureDefinition measure, List<Point> figures, Judgement judgement) {
        Target target = target(measure, judgement);
        LocalDate from = measure.baseline().date();
        LocalDate to = target == null ? from.plusYears(1) : target.by();
        for (Point figure : figures) {
            if (figure.period().end().isAfter(to)) {
                to = figure.period().end();
            }
        }
        List<BigDecimal> values = new ArrayList<>();
        values.add(measure.baseline().value());
        figures.forEach(f -> values.add(f.value()));
        if (target != null) {
            values.add(target.value());
        }
        if (judgement != null && judgement.projected() != null) {
            values.add(judgement.projected());
        }
        double low = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double pad = Math.max((high - low) * 0.1, 1);
        Scale scale = new Scale(from, Math.max(1, ChronoUnit.DAYS.between(from, to)), low - pad, high + pad);

        String outlook = judgement == null ? "not judged" : judgement.outlook().name().replace('_', ' ').toLowerCase();
        String title = measure.name() + ": " + outlook;
        String description = describe(measure, figures, judgement, target);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"chart-title chart-desc\""
                + " font-family=\"Arial, sans-serif\" font-size=\"12\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        // A long name is squeezed to the width rather than cut off: about 8.5 pixels a bold character.
        int room = WIDTH - LEFT - 8;
        String fit = title.length() * 8.5 > room ? String.format(Locale.ROOT,
                " textLength=\"%d\" lengthAdjust=\"spacingAndGlyphs\"", room) : "";
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\""
                + " fill=\"#212b32\"%s>%s</text>", LEFT, fit, escape(title)));
        // Axes, with the lowest and highest values and the first and last dates.
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4c6272\"/>",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4c6272\"/>",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        label(svg, LEFT - 6, scale.y(high), "end", number(high));
        label(svg, LEFT - 6, scale.y(low), "end", number(low));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#4c6272\">%s</text>", LEFT,
                HEIGHT - BOTTOM + 18, from));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#4c6272\">%s</text>",
                WIDTH - RIGHT, HEIGHT - BOTTOM + 18, to));
        if (target != null) {
            // The planned line: baseline to target, dashed.
            svg.append(line(scale, from, measure.baseline().value().doubleValue(), target.by(),
                    target.value().doubleValue(), "#768692", "6 4"));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"none\""
                    + " stroke=\"#212b32\" stroke-width=\"2\"/>", scale.x(target.by()),
                    scale.y(target.value().doubleValue())));
            label(svg, scale.x(target.by()) - 8, scale.y(target.value().doubleValue()) - 8, "end",
                    "target " + number(target.value().doubleValue()));
        }
        if (judgement != null && judgement.projected() != null && target != null && !figures.isEmpty()) {
            // The trend, from the latest figure to the target's date, dotted.
            Point latest = figures.get(figures.size() - 1);
            svg.append(line(scale, latest.period().end(), latest.value().doubleValue(), target.by(),
                    judgement.projected().doubleValue(), colour(judgement.outlook()), "2 4"));
        }
        if (!figures.isEmpty()) {
            StringBuilder points = new StringBuilder();
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(from),
                    scale.y(measure.baseline().value().doubleValue())));
            for (Point figure : figures) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(figure.period().end()),
                        scale.y(figure.value().doubleValue())));
            }
            svg.append("<polyline fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2.5\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            for (Point figure : figures) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#005eb8\"/>",
                        scale.x(figure.period().end()), scale.y(figure.value().doubleValue())));
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** What the chart shows, in words: its text alternative wherever the picture is shown. */
    public static String description(MeasureDefinition measure, List<Point> figures, Judgement judgement) {
        return describe(measure, figures, judgement, target(measure, judgement));
    }

    private static Target target(MeasureDefinition measure, Judgement judgement) {
        return judgement == null || judgement.target() == null
                ? measure.targets().isEmpty() ? null : measure.targets().get(measure.targets().size() - 1)
                : judgement.target();
    }

    private static String describe(MeasureDefinition measure, List<Point> figures, Judgement judgement,
                                   Target target) {
        StringBuilder words = new StringBuilder("Baseline ").append(number(measure.baseline().value().doubleValue()))
                .append(" on ").append(measure.baseline().date()).append(". ");
        if (figures.isEmpty()) {
            words.append("No figures yet. ");
        } else {
            words.append("Figures: ");
            for (Point figure : figures.subList(Math.max(0, figures.size() - 12), figures.size())) {
                words.append(figure.period()).append(' ').append(number(figure.value().doubleValue())).append("; ");
            }
        }
        if (target != null) {
            words.append("Target ").append(number(target.value().doubleValue())).append(" by ").append(target.by())
                    .append(". ");
        }
        if (judgement != null) {
            words.append(judgement.reason()).append('.');
        }
        return words.toString();
    }

    private record Scale(LocalDate from, long days, double low, double high) {

        double x(LocalDate date) {
            return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(from, date) / days;
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value - low) / (high - low);
        }
    }

    private static String line(Scale scale, LocalDate fromDate, double fromValue, LocalDate toDate, double toValue,
                               String colour, String dashes) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"2\" stroke-dasharray=\"%s\"/>", scale.x(fromDate), scale.y(fromValue),
                scale.x(toDate), scale.y(toValue), colour, dashes);
    }

    private static void label(StringBuilder svg, double x, double y, String anchor, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#4c6272\">%s"
                + "</text>", x, y + 4, anchor, escape(text)));
    }

    private static String colour(Outlook outlook) {
        return switch (outlook) {
            case ON_TRACK -> "#007f3b";
            case AT_RISK -> "#ad5f00";
            case OFF_TRACK -> "#d5281b";
            case NOT_JUDGED -> "#768692";
        };
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
