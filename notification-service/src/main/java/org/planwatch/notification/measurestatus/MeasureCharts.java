package org.planwatch.notification.measurestatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.planwatch.notification.mail.ComposedMail;
import org.planwatch.notification.measurestatus.store.MeasureChartStore;
import org.springframework.stereotype.Service;

/**
 * The latest chart measure-service sent of each measure, for the emails that explain a measure's effect (a RAG rating
 * a measure set) to show it. A RAG change can overtake the status event that caused it, across two topics: its email
 * then shows the chart before, or none.
 */
@Service
public class MeasureCharts {

    private final MeasureChartStore store;

    MeasureCharts(MeasureChartStore store) {
        this.store = store;
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
