package org.planwatch.notification.measurestatus;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.measurestatus.store.MeasureChartStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The latest chart measure-service sent of each measure, for the emails that explain a measure's effect (a RAG rating
 * a measure set) to show it. A RAG change travels on plan-service's topic and the chart on measure-service's, and this
 * service reads the two independently, so the change can arrive first: {@link #explaining} then waits a little for the
 * chart of the judgement that made the change rather than showing an older one.
 */
@Service
public class MeasureCharts {

    private static final Logger log = LoggerFactory.getLogger(MeasureCharts.class);

    private final MeasureChartStore store;
    private final RetryConfig untilHeard;
    /** Per measure, the judgement whose chart was waited for in vain: the other actions it rated do not wait again. */
    private final Map<String, Instant> waitedInVain = new ConcurrentHashMap<>();

    MeasureCharts(MeasureChartStore store,
                  @Value("${planwatch.mail.chart-wait:10s}") Duration longestWait) {
        this.store = store;
        Duration interval = Duration.ofMillis(200);
        this.untilHeard = RetryConfig.<Optional<ComposedMail.Chart>>custom()
                .maxAttempts((int) Math.max(1, longestWait.toMillis() / interval.toMillis() + 1))
                .waitDuration(interval).retryOnResult(Optional::isEmpty).build();
    }

    /** Keeps the event's chart unless a later one of the same measure is kept. */
    public void heard(MeasureStatusEvent event) {
        Optional<Instant> drawnAt = timeOf(event);
        // A chart without a time cannot be ordered against others; the emails go without it.
        chartOf(event.data()).filter(chart -> drawnAt.isPresent()).ifPresent(chart -> store.keepUnlessOlder(
                event.data().measure().key(), chart.png(), chart.description(), drawnAt.get()));
    }

    public Optional<ComposedMail.Chart> latest(String measureKey) {
        return measureKey == null ? Optional.empty() : store.find(measureKey);
    }

    /**
     * The chart of the measure's judgement at {@code judgedAt} (or a later one), waiting up to
     * {@code planwatch.mail.chart-wait} for its status event to be read; none if it does not come, since an older chart
     * would not show the figure the email gives as the reason. Without {@code judgedAt} (an older producer), the latest.
     */
    public Optional<ComposedMail.Chart> explaining(String measureKey, Instant judgedAt) {
        if (measureKey == null || judgedAt == null) {
            return latest(measureKey);
        }
        if (judgedAt.equals(waitedInVain.get(measureKey))) {
            return store.findDrawnSince(measureKey, judgedAt);
        }
        Optional<ComposedMail.Chart> chart = Retry.of("chart-of-" + measureKey, untilHeard)
                .executeSupplier(() -> store.findDrawnSince(measureKey, judgedAt));
        if (chart.isEmpty()) {
            log.warn("No chart of measure {} as judged at {} was heard in time: its email goes without one", measureKey,
                    judgedAt);
            waitedInVain.put(measureKey, judgedAt);
        }
        return chart;
    }

    private static Optional<Instant> timeOf(MeasureStatusEvent event) {
        try {
            return Optional.ofNullable(event.time()).map(Instant::parse);
        } catch (DateTimeParseException undated) {
            return Optional.empty();
        }
    }

    /** The chart a status event carries, if it has a PNG that decodes. */
    static Optional<ComposedMail.Chart> chartOf(MeasureStatusEvent.Data data) {
        if (data == null || data.measure() == null || data.chart() == null || data.chart().data() == null
                || !"image/png".equals(data.chart().mediaType())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ComposedMail.Chart(Base64.getDecoder().decode(data.chart().data()),
                    data.chart().description() == null ? "The measure's progress chart" : data.chart().description()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
