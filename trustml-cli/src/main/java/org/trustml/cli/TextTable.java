package org.trustml.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for human output. */
final class TextTable {
    private static final int MAX_CELL = 60;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    @Override
    public String toString() {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], cell(r[c]).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                line.append(String.format("%-" + width[c] + "s", cell(r[c])));
                if (c < cols - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r");
        return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 3) + "...";
    }
}
