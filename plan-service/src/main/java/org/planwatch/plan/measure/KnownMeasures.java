package org.planwatch.plan.measure;

import java.util.List;
import org.planwatch.plan.measure.store.KnownMeasureStore;
import org.springframework.stereotype.Service;

/** The measures measure-service has announced, by partnership. */
@Service
public class KnownMeasures {

    private final KnownMeasureStore store;

    KnownMeasures(KnownMeasureStore store) {
        this.store = store;
    }

    /** Keeps what measure-service said of a measure, unless it has said something later already. */
    public void announced(KnownMeasure measure) {
        store.keepUnlessOlder(measure);
    }

    public List<KnownMeasure> of(String partnership) {
        return partnership == null ? List.of() : store.of(partnership);
    }
}
