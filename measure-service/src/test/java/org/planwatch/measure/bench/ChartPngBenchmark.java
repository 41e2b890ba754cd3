package org.planwatch.measure.bench;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.planwatch.measure.definition.Baseline;
import org.planwatch.measure.definition.Direction;
import org.planwatch.measure.definition.Frequency;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.definition.ReportingPeriod;
import org.planwatch.measure.definition.Target;
import org.planwatch.measure.definition.Unit;
import org.planwatch.measure.progress.ChartPng;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.measure.progress.Point;
import org.planwatch.measure.progress.ProgressChart;
import org.planwatch.measure.progress.ProgressJudge;

/**
 * How long drawing a measure's chart as PNG takes (every status event carries one, 640 px): {@link ChartPng} (Batik
 * draws, the JDK encodes) next to Batik's own PNG transcoder, the way it was drawn before, on the same chart in
 * interleaved rounds. Run on demand: {@code measure-service/bench/run-chart-benchmark.sh}.
 */
public final class ChartPngBenchmark {

    public static void main(String[] args) throws Exception {
        String svg = chartOfThreeYearsOfMonthlyFigures();
        int rounds = Integer.getInteger("bench.rounds", 5);
        List<Double> batik = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        int batikBytes = 0;
        int currentBytes = 0;
        for (int round = 0; round <= rounds; round++) {
            long start = System.nanoTime();
            int drawn = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                batikBytes = batikTranscoder(svg).length;
                drawn++;
            }
            double batikMs = (System.nanoTime() - start) / 1e6 / drawn;
            start = System.nanoTime();
            drawn = 0;
            while (System.nanoTime() - start < 3_000_000_000L) {
                currentBytes = ChartPng.of(svg, 1).length;
                drawn++;
            }
            double currentMs = (System.nanoTime() - start) / 1e6 / drawn;
            if (round > 0) {
                batik.add(batikMs);
                current.add(currentMs);
            }
            System.out.printf("%s %d: Batik's PNG transcoder %.2f ms, ChartPng %.2f ms%n",
                    round == 0 ? "warm-up" : "round", round, batikMs, currentMs);
        }
        double b = median(batik);
        double c = median(current);
        System.out.printf("%nA 640 px chart of 36 monthly figures, median of %d rounds of 3 s each:%n", rounds);
        System.out.printf("  Batik's PNG transcoder (draw + Batik's encoder)  %7.2f ms   %,d bytes%n", b, batikBytes);
        System.out.printf("  ChartPng (Batik draws, the JDK's writer encodes)  %7.2f ms   %,d bytes%n", c, currentBytes);
        System.out.printf("  ChartPng / Batik's transcoder: time %.2f, size %.2f%n", c / b,
                (double) currentBytes / batikBytes);
    }

    static byte[] batikTranscoder(String svg) throws Exception {
        PNGTranscoder png = new PNGTranscoder();
        png.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) ProgressChart.WIDTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        png.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        return out.toByteArray();
    }

    static String chartOfThreeYearsOfMonthlyFigures() {
        MeasureDefinition measure = new MeasureDefinition("carers-supported",
                "Number of carers supported by PKAVS and Perth and Kinross HSCP", Unit.COUNT, Direction.HIGHER_IS_BETTER,
                new Baseline(new BigDecimal("1000"), LocalDate.of(2023, 12, 31)),
                List.of(new Target(new BigDecimal("1400"), LocalDate.of(2026, 12, 31))), Frequency.MONTHLY,
                Set.of("PKAVS"), "Perth and Kinross", Set.of(), null);
        List<Point> figures = new ArrayList<>();
        for (int month = 1; month <= 36; month++) {
            LocalDate day = LocalDate.of(2024, 1, 1).plusMonths(month - 1);
            figures.add(new Point(ReportingPeriod.parse(day.toString().substring(0, 7)).orElseThrow(),
                    BigDecimal.valueOf(1000 + month * 9 + (month * 37 % 40))));
        }
        Judgement judgement = ProgressJudge.judge(measure, figures, LocalDate.of(2026, 12, 20), Period.ofDays(14));
        return ProgressChart.svg(measure, figures, judgement);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
