package org.planwatch.measure.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.planwatch.measure.progress.messaging.StatusEvents;
import org.planwatch.measure.progress.store.JudgementStore;
import org.planwatch.measure.progress.store.SeriesStore;
import org.planwatch.mongo.outbox.OutboxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps each measure's judgement current: after its figures change, after its definition changes, and as days pass
 * (a measure goes stale without any figure arriving). A judgement that changes the outlook or the staleness is
 * recorded with a status event in one update, so the event is published if and only if the judgement is stored.
 */
@Service
public class ProgressService {

    private static final Logger log = LoggerFactory.getLogger(ProgressService.class);
    private static final int ATTEMPTS = 5;
    /** Measures judged from one read of their series: few enough that their whole histories fit in memory at once. */
    private static final int JUDGED_TOGETHER = 25;

    private final JudgementStore measures;
    private final StatusEvents events;
    private final SeriesStore series;
    private final Clock clock;
    private final Period grace;

    ProgressService(JudgementStore measures, SeriesStore series, StatusEvents events, Clock clock,
                    @Value("${planwatch.measures.grace:P14D}") Period grace) {
        this.measures = measures;
        this.events = events;
        this.series = series;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Takes new figures into the series ({@code entries}: measure, period as written, {@link SeriesEntry}) and has
     * their measures judged again: before this returns ({@code judgeNow}, for a caller waiting to see the outcome)
     * or within a second.
     */
    public void figuresArrived(Map<String, Map<String, String>> entries, Instant at, boolean judgeNow) {
        series.merge(entries);
        measures.markForJudging(entries.keySet(), at);
        if (judgeNow) {
            entries.keySet().forEach(this::judgeAgain);
        }
    }

    /** A measure as it stands, with its latest judgement. */
    public MeasureStatus status(String key) {
        return measures.find(key).orElseThrow();
    }

    /** These measures as they stand, in the order given (those that vanished meanwhile left out). */
    public List<MeasureStatus> statuses(List<String> keys) {
        Map<String, MeasureStatus> found = measures.find(keys);
        return keys.stream().map(found::get).filter(s -> s != null).toList();
    }

    /** A measure's series, period by period, as judging sees it. */
    public List<Point> series(String key) {
        return series.points(key);
    }

    /** Judges one measure again; another writer changing it meanwhile makes this judge again with what it wrote. */
    public Judgement judgeAgain(String key) {
        return judgeAgain(key, false);
    }

    /**
     * Judges a measure whose definition an administrator changed, and announces it whatever the outcome: readers of
     * the status events keep what the event says of the measure (its name, its actions), not only its outlook.
     */
    public Judgement redefined(String key) {
        return judgeAgain(key, true);
    }

    private Judgement judgeAgain(String key, boolean announceAnyway) {
        return judgeAgain(key, announceAnyway, null, null);
    }

    /**
     * Judges a measure, first from {@code stored} and {@code figures} when given (read in that order by the caller),
     * then, should another writer change the measure meanwhile, from what it wrote.
     */
    private Judgement judgeAgain(String key, boolean announceAnyway, MeasureStatus stored, List<Point> figures) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0 || stored == null) {
                stored = measures.find(key).orElse(null);
                if (stored == null) {
                    return null;
                }
                // The figures are read after the version this judgement is conditional on, never before: a judgement
                // of older figures (a scheduled pass racing a publisher's own) then cannot replace a newer one.
                figures = series.points(key);
            }
            Judgement now = ProgressJudge.judge(stored.definition(), figures, LocalDate.now(clock), grace);
            if (now.equals(stored.judgement()) && !announceAnyway) {
                return now;
            }
            List<OutboxEvent> announced = announceAnyway || now.differsFrom(stored.judgement())
                    ? List.of(events.changed(stored.definition(), stored.judgement(), now, figures)) : List.of();
            if (measures.recordJudgement(key, stored.version(), now, announced)) {
                return now;
            }
        }
        log.warn("Measure {} kept changing while it was judged; the next figure or scan judges it again", key);
        return null;
    }

    /**
     * Judges the measures that received figures since they were last judged: many polls of figures make one
     * judgement. A pass reads its measures, then their series, in one query each (versions before figures, as
     * above), and tidies their series (see {@link SeriesStore#fold}). Idempotent, so replicas may all run it.
     */
    @Scheduled(fixedDelayString = "${planwatch.measures.judging-interval:PT1S}")
    public void judgeMarked() {
        List<Map.Entry<String, Instant>> marked = List.copyOf(measures.markedForJudging(200).entrySet());
        for (int from = 0; from < marked.size(); from += JUDGED_TOGETHER) {
            judge(marked.subList(from, Math.min(marked.size(), from + JUDGED_TOGETHER)).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    private void judge(Map<String, Instant> marked) {
        Map<String, MeasureStatus> stored = measures.find(marked.keySet());
        Map<String, List<Point>> figures = series.points(marked.keySet());
        // Figures arriving meanwhile mark the measure again, and it is judged once more.
        marked.forEach((key, askedAt) -> {
            if (stored.containsKey(key)) {
                judgeAgain(key, false, stored.get(key), figures.getOrDefault(key, List.of()));
            }
            measures.judged(key, askedAt);
        });
        series.fold(marked.keySet());
    }

    /** Flags measures whose partner has not reported in time. Idempotent, so replicas may all run it. */
    @Scheduled(fixedDelayString = "${planwatch.measures.staleness-scan-interval:PT5M}",
            initialDelayString = "${planwatch.measures.staleness-scan-delay:PT30S}")
    public void flagStale() {
        measures.overdueAndNotStale(LocalDate.now(clock), 500).forEach(this::judgeAgain);
    }
}
