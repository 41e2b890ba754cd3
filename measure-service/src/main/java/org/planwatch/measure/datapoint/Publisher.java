package org.planwatch.measure.datapoint;

/**
 * Who sent figures: a partner system of an organisation (which may publish only that organisation's measures), or
 * an administrator of a partnership (who may publish any measure of that partnership, to correct a figure by hand).
 */
public record Publisher(String organisation, String partnership) {

    public static Publisher partner(String organisation) {
        return new Publisher(organisation, null);
    }

    public static Publisher administrator(String partnership) {
        return new Publisher(null, partnership);
    }
}
