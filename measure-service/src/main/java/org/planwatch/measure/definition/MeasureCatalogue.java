package org.planwatch.measure.definition;

import java.util.Collection;
import java.util.List;
import org.planwatch.caller.Caller;
import org.planwatch.measure.definition.store.MeasureDocument;
import org.planwatch.measure.definition.store.MeasureStore;
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

    MeasureCatalogue(MeasureStore store) {
        this.store = store;
    }

    public void define(MeasureDefinition definition) {
        store.insert(definition);
    }

    /** Replaces the definition of a measure still at {@code expectedVersion}, the version its reader saw. */
    public void redefine(Caller caller, MeasureDefinition definition, long expectedVersion) {
        visible(caller, definition.key());
        if (!store.replace(definition, expectedVersion)) {
            throw new ConflictException("measure '" + definition.key() + "' is at version "
                    + store.find(definition.key()).map(MeasureDocument::version).orElse(expectedVersion)
                    + ", not " + expectedVersion + "; read it again and redo the change");
        }
    }

    public MeasureDefinition visible(Caller caller, String key) {
        return store.find(MeasureDefinition.normaliseKey(key)).map(MeasureDocument::definition)
                .filter(m -> mayRead(caller, m)).orElseThrow(() -> new NotFoundException("measure", key));
    }

    public List<MeasureDefinition> list(Caller caller, String actionId) {
        List<MeasureDocument> found;
        if (caller.isAdministrator()) {
            found = caller.partnership() == null ? List.of() : store.search(caller.partnership(), null, actionId);
        } else {
            found = caller.organisation() == null ? List.of() : store.search(caller.partnership(),
                    caller.organisation(), actionId);
        }
        return found.stream().map(MeasureDocument::definition).toList();
    }

    /** The definitions of these measures, whoever asks: for figures already authorised by their channel. */
    public List<MeasureDefinition> definitions(Collection<String> keys) {
        return store.definitions(keys);
    }

    private static boolean mayRead(Caller caller, MeasureDefinition measure) {
        return caller.isAdministrator() ? caller.belongsTo(measure.partnership())
                : measure.publishableBy(caller.organisation())
                && (caller.partnership() == null || caller.belongsTo(measure.partnership()));
    }
}
