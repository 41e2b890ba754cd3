package org.planwatch.measure.rejection;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planwatch.caller.Caller;
import org.planwatch.measure.definition.MeasureCatalogue;
import org.planwatch.measure.definition.MeasureDefinition;
import org.springframework.stereotype.Service;

/**
 * The refusals each caller may see: an administrator those of their partnership's measures, and those for no known
 * measure sent by an organisation that publishes for the partnership (a figure for a measure not defined yet is the
 * commonest); a partner system its own organisation's.
 */
@Service
public class Rejections {

    private final RejectionLog log;
    private final MeasureCatalogue measures;

    Rejections(RejectionLog log, MeasureCatalogue measures) {
        this.log = log;
        this.measures = measures;
    }

    public List<RejectedItem> latest(Caller caller, String measure, int page, int size) {
        if (caller.isAdministrator()) {
            return caller.partnership() == null ? List.of()
                    : log.latest(caller.partnership(), publishersFor(caller), null, measure, page, size);
        }
        // A partner system added by one partnership's administrator sees its refusals there only.
        return caller.organisation() == null ? List.of() : log.latest(caller.partnership(), Set.of(),
                caller.organisation(), measure, page, size);
    }

    /** A refusal an administrator may act on: one of their partnership's, as {@link #latest} lists them. */
    public Optional<RejectedItem> forAdministrator(Caller caller, String id) {
        if (!caller.isAdministrator() || caller.partnership() == null) {
            return Optional.empty();
        }
        return log.find(id).filter(item -> item.partnership() == null
                ? item.organisation() != null && publishersFor(caller).contains(item.organisation())
                : caller.belongsTo(item.partnership()));
    }

    public void replayed(String id, Replay replay) {
        log.replayed(id, replay);
    }

    private Set<String> publishersFor(Caller administrator) {
        Set<String> publishers = new TreeSet<>();
        measures.list(administrator, null).stream().map(MeasureDefinition::publishers).forEach(publishers::addAll);
        return publishers;
    }
}
