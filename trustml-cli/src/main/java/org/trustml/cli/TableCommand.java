package org.trustml.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.CsvOptions;
import org.trustml.core.table.Table;
import org.trustml.core.table.TableDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code trustml table ...}: look at tabular files. */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Inspect CSV and JSON Lines tables.",
        subcommands = {TableCommand.Describe.class})
final class TableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code trustml table describe FILE}. */
    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = {"Schema, row count, missing values per column, min/max/mean/std for numbers and the most "
                    + "frequent values for text of a CSV (header line, UTF-8) or JSON Lines (.jsonl, .ndjson) file."})
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The table to describe.")
        Path file;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Option(names = "--type", paramLabel = "COLUMN=TYPE", description = "Read COLUMN as TYPE (double, long, "
                + "string, boolean) instead of inferring it. Repeatable.")
        Map<String, String> types = new LinkedHashMap<>();

        @Option(names = "--separator", defaultValue = ",", description = "CSV field separator (default: '${DEFAULT-VALUE}').")
        char separator;

        @Override
        public Integer call() {
            Map<String, ColumnType> given = new LinkedHashMap<>();
            types.forEach((column, type) -> given.put(column, parseType(column, type)));
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            Table table = name.endsWith(".jsonl") || name.endsWith(".ndjson")
                    ? Table.readJsonLines(file, given)
                    : Table.readCsv(file, CsvOptions.defaults().withSeparator(separator).withTypes(given).allowingEmpty());
            TableDescription d = table.describe();
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", file.toString());
                doc.put("rows", d.rowCount());
                doc.put("columns", d.columns());
                spec.commandLine().getOut().println(Json.toJson(doc));
            } else {
                spec.commandLine().getOut().print(render(file, d));
            }
            return 0;
        }

        private static ColumnType parseType(String column, String type) {
            try {
                return ColumnType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.problem("is not a column type").column(column).value(type)
                        .expected("double, long, string or boolean").build();
            }
        }
    }

    /** The text form of a description: one aligned line per column. */
    static String render(Path file, TableDescription d) {
        TextTable t = new TextTable("column", "type", "count", "missing", "min", "max", "mean", "std", "top values");
        for (TableDescription.ColumnSummary c : d.columns()) {
            t.row(c.name(), c.type().label(), Integer.toString(c.count()), Integer.toString(c.missing()),
                    num(c.min()), num(c.max()), num(c.mean()), num(c.std()),
                    c.top().stream().map(v -> v.value() + " (" + v.count() + ")").collect(Collectors.joining(", ")));
        }
        return file + ": " + d.rowCount() + " rows, " + d.columns().size() + " columns\n" + t;
    }

    private static String num(OptionalDouble v) {
        if (v.isEmpty()) {
            return "";
        }
        double x = v.getAsDouble();
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4g", x);
    }
}
