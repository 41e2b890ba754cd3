package org.planwatch.measure.datapoint;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.planwatch.measure.datapoint.store.DataPointStore;
import org.planwatch.measure.definition.MeasureCatalogue;
import org.planwatch.measure.definition.MeasureDefinition;
import org.planwatch.measure.progress.ProgressService;
import org.planwatch.measure.progress.SeriesEntry;
import org.planwatch.measure.rejection.RefusedFigure;
import org.planwatch.measure.rejection.RejectedItem;
import org.planwatch.measure.rejection.RejectionLog;
import org.planwatch.measure.rejection.Replay;
import org.springframework.stereotype.Service;

/**
 * Takes in figures, whichever way they came: checks each (see {@link DataPointRules}), stores the valid ones in one
 * bulk write, brings their measures' series up to date in another, logs the refused ones, and has each measure that
 * received a figure judged again.
 */
@Service
public class DataPointIntake {

    private final MeasureCatalogue measures;
    private final DataPointStore dataPoints;
    private final RejectionLog rejections;
    private final ProgressService progress;
    private final Clock clock;

    DataPointIntake(MeasureCatalogue measures, DataPointStore dataPoints, RejectionLog rejections,
                    ProgressService progress, Clock clock) {
        this.measures = measures;
        this.dataPoints = dataPoints;
        this.rejections = rejections;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Takes in a batch from {@code publisher} that came by {@code channel}; {@code rejectionId} names each refusal in
     * the log so that the same batch delivered again is logged once. The measures that received figures are judged
     * before this returns ({@code judgeNow}, for a caller waiting to see the outcome) or within a second.
     */
    public Intake receive(List<Submission> batch, Publisher publisher, String channel,
                          Function<Integer, String> rejectionId, boolean judgeNow) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Set<String> keys = batch.stream().map(Submission::measure).filter(k -> k != null)
                .map(MeasureDefinition::normaliseKey).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, MeasureDefinition> known = measures.definitions(keys).stream()
                .filter(d -> publisher.partnership() == null || d.partnership().equalsIgnoreCase(publisher.partnership()))
                .collect(Collectors.toMap(MeasureDefinition::key, d -> d));
        List<Reading> accepted = new ArrayList<>();
        List<Rejection> refused = new ArrayList<>();
        for (int item = 0; item < batch.size(); item++) {
            Submission submission = batch.get(item);
            var verdict = DataPointRules.check(item, submission,
                    Optional.ofNullable(known.get(MeasureDefinition.normaliseKey(submission.measure()))),
                    publisher.organisation(), today, now);
            if (verdict instanceof DataPointRules.Accepted a) {
                accepted.add(a.reading());
            } else if (verdict instanceof DataPointRules.Refused r) {
                refused.add(r.rejection());
            }
        }
        DataPointStore.Stored stored = dataPoints.store(accepted);
        rejections.record(refused.stream().map(r -> logged(r, batch.get(r.item()), publisher, channel, known,
                rejectionId.apply(r.item()), now)).toList());
        // Repeats too, as first stored (with their first receipt's time): a batch delivered again after a crash
        // between the two writes completes the series, and merging an entry twice changes nothing.
        Map<String, Map<String, String>> series = new java.util.HashMap<>();
        List<Reading> merged = new ArrayList<>(stored.added());
        merged.addAll(stored.held());
        for (Reading reading : merged) {
            series.computeIfAbsent(reading.measure(), m -> new java.util.HashMap<>()).merge(reading.period().toString(),
                    SeriesEntry.of(reading.value(), reading.producedAt(), reading.receivedAt(), reading.eventId()),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        progress.figuresArrived(series, now, judgeNow);
        return new Intake(stored.added().size(), stored.held().size(), refused);
    }

    /**
     * Takes a refused figure in again exactly as its publisher sent it, now that its cause may have been put right,
     * into a measure of {@code partnership} (the replaying administrator's) only, and notes on the refusal what became
     * of it. Sending it again is as harmless as any repeat: a figure already stored is not stored twice, and a figure
     * refused again is not logged twice.
     */
    public Replay takeInAgain(RejectedItem refused, String by, String partnership) {
        RefusedFigure figure = refused.figure();
        Submission submission = new Submission(figure.measure(), figure.period(), figure.valueAsSent(),
                figure.source(), figure.eventId(), figure.producedAt());
        // Into the replaying administrator's partnership's measures only, whoever sent it.
        Publisher publisher = new Publisher(refused.organisation(), partnership);
        Intake result = receive(List.of(submission), publisher, refused.channel(), item -> refused.id(), true);
        Replay replay = result.stored() == 1 ? new Replay(clock.instant(), by, Replay.Outcome.STORED, null)
                : result.repeats() == 1 ? new Replay(clock.instant(), by, Replay.Outcome.ALREADY_STORED, null)
                : new Replay(clock.instant(), by, Replay.Outcome.REFUSED_AGAIN, result.rejected().get(0).field()
                        + ": " + result.rejected().get(0).reason());
        rejections.replayed(refused.id(), replay);
        return replay;
    }

    private static RejectedItem logged(Rejection rejection, Submission submission, Publisher publisher, String channel,
                                       Map<String, MeasureDefinition> known, String id, Instant now) {
        MeasureDefinition measure = known.get(MeasureDefinition.normaliseKey(submission.measure()));
        String partnership = measure != null ? measure.partnership() : publisher.partnership();
        String sent = "period=" + submission.period() + ", value=" + submission.value()
                + (submission.source() == null ? "" : ", source=" + submission.source());
        RefusedFigure figure = submission.unreadable() != null ? null : RefusedFigure.of(submission.measure(),
                submission.period(), submission.value(), submission.source(), submission.eventId(),
                submission.producedAt());
        return new RejectedItem(id, now, channel, publisher.organisation(), partnership, submission.measure(),
                rejection.item(), rejection.field(), rejection.reason(), submission.eventId(),
                sent.length() > 500 ? sent.substring(0, 500) : sent, figure, null);
    }
}
