package org.trustml.core.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads a file that a pipeline file's {@code report} stage attaches to the HTML report into the object a
 * {@link ReportSection} renders ({@link ReportInput#attachment(Class)}): trustml-modelcard reads {@code model-card}
 * files into its model card. A module lists its readers in
 * {@code META-INF/services/org.trustml.core.report.AttachmentReader}, so the report stage needs no dependency on the
 * module whose section renders the attachment. Implementations are stateless.
 */
public interface AttachmentReader {
    /** The attachment's name in pipeline files, e.g. {@code model-card}. */
    String kind();

    /** The attachment read from {@code file}; bad content is an {@link org.trustml.core.InvalidInputException}. */
    Object read(Path file);

    /** The reader of {@code kind} on the class path of {@code loader}, if a module provides one. */
    static Optional<AttachmentReader> find(String kind, ClassLoader loader) {
        for (AttachmentReader r : ServiceLoader.load(AttachmentReader.class, loader)) {
            if (r.kind().equals(kind)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
