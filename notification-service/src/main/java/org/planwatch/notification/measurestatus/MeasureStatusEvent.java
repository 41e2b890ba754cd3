package org.planwatch.notification.measurestatus;

import java.util.List;

/** The parts of a measure-service status event (v1) this service reads, as its contract describes them. */
public record MeasureStatusEvent(String specversion, String id, String type, String subject, String time, Data data) {

    public static final String TYPE = "org.planwatch.measure.status-changed.v1";

    public record Data(Measure measure, String outlook, boolean stale, boolean previouslyStale, Figure latest,
                       String expectedBy, String reason, Chart chart) {
    }

    /** The measure's chart: a base64 PNG with its text alternative. */
    public record Chart(String mediaType, String description, String data) {
    }

    public record Measure(String key, String name, String partnership, List<String> publishers,
                          List<String> actionIds, Person contact) {
    }

    public record Person(String name, String email) {
    }

    public record Figure(String period, java.math.BigDecimal value) {
    }
}
