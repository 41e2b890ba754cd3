package org.planwatch.measure.progress.messaging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.progress.ChartPng;
import org.planwatch.measure.progress.Judgement;
import org.planwatch.measure.progress.Point;
import org.planwatch.measure.progress.ProgressChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@code measure.status.events}: one event each time a measure's outlook or staleness changes, keyed by the
 * measure's key, with what a reader needs to act and to explain it (see
 * {@code contracts/measure-status-event.v1.schema.json}).
 */
@Component
public class StatusEvents {

    private static final Logger log = LoggerFactory.getLogger(StatusEvents.class);
    public static final String BINDING = "measureStatusEvents-out-0";
    static final String TYPE = "org.planwatch.measure.status-changed.v1";
    static final String SOURCE = "/planwatch/measure-service";
    static final String DATA_SCHEMA = "https://planwatch.org/contracts/measure-status-event.v1.schema.json";

    private final JsonMapper json;
    private final Clock clock;

    StatusEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    record ContactData(String name, String email) {
    }

    record MeasureData(String key, String name, String unit, String direction, String frequency, String partnership,
                       List<String> publishers, List<String> actionIds, ContactData contact) {
    }

    record FigureData(String period, BigDecimal value) {
    }

    record TargetData(BigDecimal value, String by) {
    }

    record StatusData(MeasureData measure, String outlook, String previousOutlook, boolean stale,
                      boolean previouslyStale, FigureData latest, String trend, TargetData target,
                      BigDecimal expectedNow, BigDecimal projected, String projection, String expectedBy,
                      String reason, ChartData chart) {
    }

    /** The progress chart as the console draws it, small enough to travel in the event and into an email. */
    record ChartData(String mediaType, String description, String data) {
    }

    public OutboxEvent changed(MeasureDefinition measure, Judgement before, Judgement now, List<Point> figures) {
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant();
        StatusData data = new StatusData(
                new MeasureData(measure.key(), measure.name(), measure.unit().name(), measure.direction().name(),
                        measure.frequency().name(), measure.partnership(), measure.publishers().stream().sorted()
                        .toList(), measure.actionIds().stream().sorted().toList(), measure.contact() == null ? null
                        : new ContactData(measure.contact().name(), measure.contact().email())),
                now.outlook().name(), before == null ? null : before.outlook().name(), now.stale(),
                before != null && before.stale(),
                now.latest() == null ? null : new FigureData(now.latest().period().toString(), now.latest().value()),
                now.trend().name(),
                now.target() == null ? null : new TargetData(now.target().value(), now.target().by().toString()),
                now.expectedNow(), now.projected(), now.projection(),
                now.expectedBy() == null ? null : now.expectedBy().toString(), now.reason(), chart(measure, figures, now));
        CloudEvent envelope = new CloudEvent("1.0", id, SOURCE, TYPE, measure.key(), at.toString(), "application/json",
                DATA_SCHEMA, data);
        return new OutboxEvent(id, TYPE, BINDING, measure.key(), at, json.writeValueAsString(envelope), null);
    }

    /** The chart, or none where it cannot be drawn: an event is never held back for want of a picture. */
    private static ChartData chart(MeasureDefinition measure, List<Point> figures, Judgement judgement) {
        try {
            String svg = ProgressChart.svg(measure, figures, judgement);
            return new ChartData("image/png", ProgressChart.description(measure, figures, judgement),
                    Base64.getEncoder().encodeToString(ChartPng.of(svg, 1)));
        } catch (RuntimeException undrawable) {
            log.warn("Measure {}: its chart could not be drawn for the status event", measure.key(), undrawable);
            return null;
        }
    }
}
