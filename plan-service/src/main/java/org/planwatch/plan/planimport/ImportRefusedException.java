package org.planwatch.plan.planimport;

import java.util.List;

/** A commit of a document that has errors: nothing was written. */
public class ImportRefusedException extends RuntimeException {

    private final List<ImportWarning> errors;

    public ImportRefusedException(List<ImportWarning> errors) {
        super(errors.size() + " row(s) of the document cannot be stored as they are; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportWarning> errors() {
        return errors;
    }
}
