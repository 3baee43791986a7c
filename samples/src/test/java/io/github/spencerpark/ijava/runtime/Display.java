package io.github.spencerpark.ijava.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for IJava's runtime {@code Display} (same package, same static signatures as IJava
 * 1.3's {@code display(Object, String...)}), recording what it is asked to show; lets the tests check
 * the IJava path of {@code Notebook.show} without an IJava kernel.
 */
public final class Display {
    /** Every call: the object and the requested MIME types. */
    public static final List<Object[]> CALLS = new ArrayList<>();

    private Display() {}

    public static String display(Object o) {
        CALLS.add(new Object[] {o, new String[0]});
        return "id";
    }

    public static String display(Object o, String... as) {
        CALLS.add(new Object[] {o, Arrays.copyOf(as, as.length)});
        return "id";
    }
}
