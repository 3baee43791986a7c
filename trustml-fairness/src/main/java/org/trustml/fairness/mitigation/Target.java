package org.trustml.fairness.mitigation;

import java.util.Objects;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Table;
import org.trustml.fairness.Group;
import org.trustml.fairness.internal.Values;

/**
 * The label column, favorable value and groups a mitigation works on.
 *
 * @param label        the true-label column
 * @param favorable    the favorable label value (canonical)
 * @param privileged   the privileged group
 * @param unprivileged the unprivileged group; empty means "not privileged"
 */
public record Target(String label, String favorable, Group privileged, Optional<Group> unprivileged) {
    public Target {
        Objects.requireNonNull(label, "label");
        favorable = Values.canonical(Objects.requireNonNull(favorable, "favorable"));
        Objects.requireNonNull(privileged, "privileged");
        Objects.requireNonNull(unprivileged, "unprivileged");
    }

    /** Label {@code label}, favorable {@code 1}, unprivileged = not privileged. */
    public static Target of(String label, Group privileged) {
        return new Target(label, "1", privileged, Optional.empty());
    }

    /** Per row: 1 privileged, 2 unprivileged, 0 neither. */
    byte[] membership(Table table) {
        for (String c : privileged.columns()) {
            require(table, c);
        }
        unprivileged.ifPresent(u -> u.columns().forEach(c -> require(table, c)));
        boolean[] p = table.deriveBoolean("__privileged", r -> privileged.matches(c -> Values.canonical(r.get(c))))
                .booleans("__privileged");
        boolean[] u = unprivileged.map(g -> table.deriveBoolean("__unprivileged",
                r -> g.matches(c -> Values.canonical(r.get(c)))).booleans("__unprivileged")).orElse(null);
        byte[] m = new byte[p.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = p[i] ? (byte) 1 : (u == null || u[i]) ? (byte) 2 : (byte) 0;
        }
        return m;
    }

    /** Per row: whether {@code column} holds the favorable value. */
    boolean[] favorable(Table table, String column) {
        require(table, column);
        return table.deriveBoolean("__favorable", r -> {
            if (r.isMissing(column)) {
                throw InvalidInputException.problem("is missing").row(r.index() + 1L).column(column).expected("a label").build();
            }
            return favorable.equals(Values.canonical(r.get(column)));
        }).booleans("__favorable");
    }

    /** Fails unless a group has both favorable and unfavorable labels. */
    void requireBothLabels(long favorableRows, long unfavorableRows, byte group, String why) {
        if (favorableRows == 0 || unfavorableRows == 0) {
            throw InvalidInputException.problem("has no " + (favorableRows == 0 ? "favorable" : "unfavorable")
                    + " labels in the " + (group == 1 ? "privileged" : "unprivileged") + " group").column(label)
                    .expected("both label values in both groups" + why).build();
        }
    }

    /** Fails unless {@code value} lies in [0, 1] (a NaN included): a fitted rate or probability. */
    static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw InvalidInputException.problem("is not a rate in [0, 1]").column(name).value(Double.toString(value))
                    .expected("a number in [0, 1]").build();
        }
    }

    static void require(Table table, String column) {
        if (!table.hasColumn(column)) {
            throw InvalidInputException.problem("does not exist").column(column)
                    .expected("one of the columns " + table.columnNames()).build();
        }
    }

    /** A numeric column as doubles. */
    static double[] numbers(Table table, String column) {
        require(table, column);
        return table.deriveDouble("__number", r -> r.number(column)).doubles("__number");
    }

    /** Scores checked to lie in [0, 1]. */
    static double[] scores(Table table, String column) {
        double[] s = numbers(table, column);
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] <= 1)) {
                throw InvalidInputException.problem("is not a score in [0, 1]").row(i + 1L).column(column)
                        .value(Double.toString(s[i])).expected("the probability of the favorable label").build();
            }
        }
        return s;
    }
}
