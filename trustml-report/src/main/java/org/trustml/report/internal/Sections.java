package org.trustml.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;

/** Finds the report's sections with {@link ServiceLoader}, checks their ids and puts them in page order. */
public final class Sections {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    /** The page's own anchor (the header), which no section may take. */
    static final String SUMMARY = "summary";

    private Sections() {}

    /** The sections of every provider on {@code loader}'s class path, in page order. */
    public static List<ReportSection> discover(ClassLoader loader) {
        List<ReportSection> all = new ArrayList<>();
        try {
            for (ReportSectionProvider p : ServiceLoader.load(ReportSectionProvider.class, loader)) {
                all.addAll(p.sections());
            }
        } catch (ServiceConfigurationError e) {
            throw new TrustmlException("a report section provider on the class path cannot be loaded: "
                    + e.getMessage(), e);
        }
        return ordered(all);
    }

    /** {@code sections} by {@link ReportSection#order()}, then id; refuses a bad or repeated id. */
    public static List<ReportSection> ordered(List<ReportSection> sections) {
        Map<String, ReportSection> seen = new HashMap<>();
        for (ReportSection s : sections) {
            String id = s.id();
            if (!ID.matcher(id).matches() || id.equals(SUMMARY)) {
                throw InvalidInputException.problem("is not a section id").column("id of " + s.getClass().getName())
                        .value(id).expected("lower-case letters, digits and dashes, not 'summary'").build();
            }
            ReportSection other = seen.put(id, s);
            if (other != null) {
                throw InvalidInputException.problem("is the id of two report sections").column("id").value(id)
                        .expected("one section per id; " + other.getClass().getName() + " and "
                                + s.getClass().getName() + " both use it (is a module on the class path twice?)")
                        .build();
            }
        }
        return sections.stream().sorted(Comparator.comparingInt(ReportSection::order).thenComparing(ReportSection::id))
                .toList();
    }
}
