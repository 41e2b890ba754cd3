package org.planwatch.plan.planimport;

/**
 * Something the importer guessed, repaired or could not use, with the source line and the column it is about. An
 * ERROR stops the commit; a WARNING is a guess an administrator should look at.
 */
public record ImportWarning(Severity severity, String place, String column, String message) {

    public enum Severity { WARNING, ERROR }

    public static ImportWarning warning(String place, String column, String message) {
        return new ImportWarning(Severity.WARNING, place, column, message);
    }

    public static ImportWarning error(String place, String column, String message) {
        return new ImportWarning(Severity.ERROR, place, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
