package org.trustml.core.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.core.io.Json;

/**
 * Reads JSON Lines (one JSON object per line) with Jackson. Keys become columns in order of first
 * appearance; a key absent from a line, or {@code null}, is missing. Types are inferred over all
 * lines: integers → LONG, numbers → DOUBLE, booleans → BOOLEAN, otherwise STRING (a nested object
 * or array becomes its JSON text). Mixed kinds in one column make it STRING, except integers mixed
 * with other numbers, which make DOUBLE.
 */
final class JsonLinesTableReader {
    private JsonLinesTableReader() {}

    static Table read(Path file, Map<String, ColumnType> types) {
        InputFiles.requireReadableFile(file, "a JSON Lines file");
        ObjectReader json = Json.reader();
        Map<String, List<JsonNode>> values = new LinkedHashMap<>();
        List<Long> lines = new ArrayList<>();
        long lineNo = 0;
        try (BufferedReader in = new BufferedReader(InputFiles.utf8Reader(file))) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parseLine(json, file, lineNo, line);
                int row = lines.size();
                lines.add(lineNo);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<JsonNode> col = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    while (col.size() < row) {
                        col.add(null);
                    }
                    col.add(e.getValue());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw InputFiles.readFailure(file, io, "a JSON Lines file");
        }
        if (lines.isEmpty()) {
            throw InvalidInputException.problem("is empty").file(file)
                    .expected("one JSON object per line").build();
        }
        for (String given : types.keySet()) {
            if (!values.containsKey(given)) {
                throw InvalidInputException.problem("was given a type but appears in no line")
                        .file(file).column(given)
                        .expected("one of " + String.join(", ", values.keySet())).build();
            }
        }
        List<Column> columns = new ArrayList<>(values.size());
        values.forEach((name, col) -> {
            while (col.size() < lines.size()) {
                col.add(null);
            }
            ColumnType type = types.containsKey(name) ? types.get(name) : infer(col);
            columns.add(build(file, name, type, col, lines));
        });
        return Table.of(columns);
    }

    private static JsonNode parseLine(ObjectReader json, Path file, long lineNo, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.problem("is not valid JSON: " + e.getOriginalMessage())
                    .file(file).line(lineNo).value(line).expected("one JSON object per line").build(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw InvalidInputException.problem("is not a JSON object")
                    .file(file).line(lineNo).value(line).expected("one JSON object per line").build();
        }
        return node;
    }

    private static boolean isMissing(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    private static ColumnType infer(List<JsonNode> col) {
        boolean anyInt = false;
        boolean anyNumber = false;
        boolean anyBoolean = false;
        boolean anyOther = false;
        for (JsonNode v : col) {
            if (isMissing(v)) {
                continue;
            }
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                anyInt = true;
            } else if (v.isNumber()) {
                anyNumber = true;
            } else if (v.isBoolean()) {
                anyBoolean = true;
            } else {
                anyOther = true;
            }
        }
        boolean numeric = anyInt || anyNumber;
        if (anyOther || (numeric && anyBoolean) || !(numeric || anyBoolean)) {
            return ColumnType.STRING;
        }
        if (anyBoolean) {
            return ColumnType.BOOLEAN;
        }
        return anyNumber ? ColumnType.DOUBLE : ColumnType.LONG;
    }

    private static Column build(Path file, String name, ColumnType type, List<JsonNode> col, List<Long> lines) {
        int n = col.size();
        switch (type) {
            case STRING -> {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = col.get(i);
                    out[i] = isMissing(v) ? null : v.isValueNode() ? v.asText() : v.toString();
                }
                return StringColumn.of(name, out);
            }
            case DOUBLE -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = col.get(i);
                    if (isMissing(v)) {
                        out[i] = Double.NaN;
                    } else if (v.isNumber()) {
                        out[i] = v.doubleValue();
                    } else {
                        throw mismatch(file, lines.get(i), name, v, "a number");
                    }
                }
                return DoubleColumn.of(name, out);
            }
            case LONG -> {
                Long[] out = new Long[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = col.get(i);
                    if (!isMissing(v)) {
                        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                            throw mismatch(file, lines.get(i), name, v, "an integer");
                        }
                        out[i] = v.longValue();
                    }
                }
                return LongColumn.ofNullable(name, out);
            }
            case BOOLEAN -> {
                Boolean[] out = new Boolean[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = col.get(i);
                    if (!isMissing(v)) {
                        if (!v.isBoolean()) {
                            throw mismatch(file, lines.get(i), name, v, "true or false");
                        }
                        out[i] = v.booleanValue();
                    }
                }
                return BooleanColumn.ofNullable(name, out);
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static InvalidInputException mismatch(Path file, long line, String name, JsonNode v, String expected) {
        return InvalidInputException.problem("does not have the column's type")
                .file(file).line(line).column(name).value(v.toString())
                .expected(expected + ", as the column's type was given").build();
    }
}
