package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;

/**
 * Source stages that read a file (CSV, JSON Lines, a Cloud Annotations export) or an image tree (one folder per
 * class) into a {@link Table}. The file's bytes (the tree's listing and images) are hashed into the run record as
 * the stage's input; the stage logs the metrics {@code rows} and {@code columns}.
 */
public final class Ingest implements Stage<Void, Table> {

    /** File formats Ingest reads. */
    public enum Format {
        /** A CSV file with a header line. */
        CSV,
        /** One JSON object per line. */
        JSON_LINES,
        /** A Cloud Annotations export ({@code _annotations.json}): columns {@code file} and {@code label}. */
        CLOUD_ANNOTATIONS,
        /** A folder of one sub-folder of images per class ({@link ImageTree}): columns {@code file} and {@code label}. */
        IMAGE_TREE
    }

    /**
     * What was read and how.
     *
     * @param format    the file format
     * @param path      the file, as given
     * @param separator CSV field separator (absent for the other formats)
     * @param types     column types given instead of inferred
     */
    public record Config(Format format, String path, String separator, Map<String, ColumnType> types) {
        public Config {
            requireNonNull(format, "format");
            requireNonNull(path, "path");
            types = new TreeMap<>(types);
        }
    }

    private final Path path;
    private final Format format;
    private final CsvOptions options;

    private Ingest(Path path, Format format, CsvOptions options) {
        this.path = requireNonNull(path, "path");
        this.format = format;
        this.options = requireNonNull(options, "options");
    }

    /** Reads a CSV file with a header line, inferring column types. */
    public static Ingest csv(Path path) {
        return new Ingest(path, Format.CSV, CsvOptions.defaults());
    }

    /** Reads a CSV file with these options. */
    public static Ingest csv(Path path, CsvOptions options) {
        return new Ingest(path, Format.CSV, options);
    }

    /** Reads a JSON Lines file, inferring column types. */
    public static Ingest jsonLines(Path path) {
        return new Ingest(path, Format.JSON_LINES, CsvOptions.defaults());
    }

    /** Reads a JSON Lines file with some column types given. */
    public static Ingest jsonLines(Path path, Map<String, ColumnType> types) {
        return new Ingest(path, Format.JSON_LINES, CsvOptions.defaults().withTypes(types));
    }

    /**
     * Reads a Cloud Annotations export into a table of {@code file} (relative to the export's
     * folder) and {@code label}, one row per labelled image; see {@link CloudAnnotations}. Logs
     * the metric {@code unlabelled}.
     */
    public static Ingest cloudAnnotations(Path annotationsJson) {
        return new Ingest(annotationsJson, Format.CLOUD_ANNOTATIONS, CsvOptions.defaults());
    }

    /**
     * Reads an existing one-folder-per-class image tree ({@code root/<label>/<image>}) into a table of {@code file}
     * (relative to {@code root}) and {@code label}; see {@link ImageTree}. Logs the metric {@code skipped_files}.
     */
    public static Ingest imageTree(Path root) {
        return new Ingest(root, Format.IMAGE_TREE, CsvOptions.defaults());
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Config config() {
        return new Config(format, path.toString(),
                format == Format.CSV ? String.valueOf(options.separator()) : null, options.types());
    }

    @Override
    public Table apply(Void input, RunContext context) {
        Table table = switch (format) {
            case CSV -> Table.readCsv(path, options);
            case JSON_LINES -> Table.readJsonLines(path, options.types());
            case CLOUD_ANNOTATIONS -> {
                CloudAnnotations.Export export = CloudAnnotations.read(path);
                context.logMetric("unlabelled", export.unlabelled().size());
                yield export.images();
            }
            case IMAGE_TREE -> {
                ImageTree.Listing tree = ImageTree.read(path);
                context.logMetric("skipped_files", tree.skipped().size());
                context.recordInputHash(tree.contentHash());
                yield tree.images();
            }
        };
        if (format != Format.IMAGE_TREE) {
            context.recordInputHash(ContentHash.ofFile(path));
        }
        context.logMetric("rows", table.rowCount());
        context.logMetric("columns", table.columnCount());
        return table;
    }
}
