package org.trustml.explain;

import org.trustml.core.InvalidInputException;

/** The explainers' and evaluators' checks of counts, each naming the parameter as lime names it. */
final class Arguments {
    private Arguments() {}

    /** {@code value} itself when at least {@code min}; else an error naming {@code parameter} and what was expected. */
    static int atLeast(int min, String parameter, int value, String expected) {
        if (value < min) {
            throw InvalidInputException.problem("is below " + min).column(parameter).value(value).expected(expected)
                    .build();
        }
        return value;
    }
}
