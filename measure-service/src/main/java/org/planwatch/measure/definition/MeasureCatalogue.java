package org.planwatch.measure.definition;

import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.measure.definition.store.MeasureDocument;
import org.planwatch.measure.definition.store.MeasureStore;
import org.planwatch.measure.progress.ProgressService;
import org.planwatch.problem.ConflictException;
import org.planwatch.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The measures each caller may see and manage: an administrator those of their partnership, a partner system those
 * its organisation publishes. Any other measure answers as if it did not exist.
 */
@Service
public class MeasureCatalogue {

    private final MeasureStore store;
    private final ProgressService progress;

    MeasureCatalogue(MeasureStore store, ProgressService progress) {
        this.store = store;
        this.progress = progress;
    }

    public MeasureDocument define(MeasureDefinition definition) {
        store.insert(definition);
        progress.judgeAgain(definition.key());
        return store.find(definition.key()).orElseThrow();
    }

    public MeasureDocument redefine(Caller caller, MeasureDefinition definition, long expectedVersion) {
        MeasureDocument current = visible(caller, definition.key());
        if (current.version() != expectedVersion || !store.replace(definition, expectedVersion)) {
            throw new ConflictException("measure '" + definition.key() + "' is at version "
                    + store.find(definition.key()).map(MeasureDocument::version).orElse(current.version())
                    + ", not " + expectedVersion + "; read it again and redo the change");
        }
        progress.judgeAgain(definition.key());
        return store.find(definition.key()).orElseThrow();
    }

    public MeasureDocument visible(Caller caller, String key) {
        return store.find(MeasureDefinition.normaliseKey(key)).filter(m -> mayRead(caller, m.definition()))
                .orElseThrow(() -> new NotFoundException("measure", key));
    }

    public List<MeasureDocument> list(Caller caller, String actionId) {
        if (caller.isAdministrator()) {
            return caller.partnership() == null ? List.of() : store.search(caller.partnership(), null, actionId);
        }
        return caller.organisation() == null ? List.of() : store.search(null, caller.organisation(), actionId);
    }

    private static boolean mayRead(Caller caller, MeasureDefinition measure) {
        return caller.isAdministrator() ? caller.belongsTo(measure.partnership())
                : measure.publishableBy(caller.organisation());
    }
}
