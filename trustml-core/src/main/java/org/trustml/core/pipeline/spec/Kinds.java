package org.trustml.core.pipeline.spec;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads the kinds a service lists ({@link StageSpecKinds}, {@link EvaluatorSpecKinds}) from the class path. */
final class Kinds {
    private Kinds() {}

    /** Every kind the providers of {@code service} list, by name; a name claimed by two classes is an error. */
    static <P, T> Map<String, Class<? extends T>> load(Class<P> service,
            Function<P, Map<String, Class<? extends T>>> kinds, String what) {
        Map<String, Class<? extends T>> all = new TreeMap<>();
        for (P provider : ServiceLoader.load(service, service.getClassLoader())) {
            kinds.apply(provider).forEach((name, type) -> {
                Class<? extends T> before = all.putIfAbsent(name, type);
                if (before != null && before != type) {
                    throw new IllegalStateException(what + " kind '" + name + "' is claimed by " + before.getName()
                            + " and " + type.getName());
                }
            });
        }
        return all;
    }
}
