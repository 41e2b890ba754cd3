package org.planwatch.plan.planimport;

import java.time.Duration;
import java.util.Optional;
import org.planwatch.plan.planimport.store.ImportJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Carries through the import commits that stopped midway: each is claimed by one instance for a short lease, so a
 * killed instance's commit is finished by another (or by itself, restarted) seconds after its lease runs out.
 */
@Component
class UnfinishedImports {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedImports.class);

    private final ImportJournal journal;
    private final PlanImports imports;
    private final Duration lease;

    UnfinishedImports(ImportJournal journal, PlanImports imports,
                      @Value("${planwatch.imports.lease:15s}") Duration lease) {
        this.journal = journal;
        this.imports = imports;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${planwatch.imports.unfinished-poll-interval:2s}")
    void carryThroughUnfinished() {
        for (Optional<ImportJournal.Entry> next = journal.claimUnfinished(lease); next.isPresent();
             next = journal.claimUnfinished(lease)) {
            ImportJournal.Entry entry = next.get();
            try {
                ImportReport report = imports.carryThrough(entry.id(), PlanImports.request(entry.commit()),
                        PlanImports.caller(entry.commit()));
                log.info("Import {} of {} carried through at try {}: {} actions created, {} updated, {} as they were",
                        entry.id(), entry.commit().fileName(), entry.attempts(), report.changes().created().size(),
                        report.changes().updated().size(), report.changes().unchanged());
            } catch (RuntimeException stillFailing) {
                log.warn("Import {} of {} stopped again at try {}: {}", entry.id(), entry.commit().fileName(),
                        entry.attempts(), stillFailing.getMessage());
                return;
            }
        }
    }
}
