package org.trustml.spark.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.trustml.core.evaluation.Classification;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Scores one partition: its rows in batches of {@code batch}, each batch made into a {@code Table} of the
 * feature columns (typed as the package says; null is missing) and given to the model's
 * {@code probabilities(Table)}, the same call the single-machine path makes; each row comes out with its
 * columns, one probability per class and the predicted class (the argmax, the first class on a tie,
 * {@link Classification#argmax}). Rows stay in their order.
 */
public final class ScoringPartitions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ScoringModel> model;
    private final int[] featureIndex;
    private final int batch;

    /** {@code featureIndex[j]}: the input column of the model's feature {@code j}. */
    public ScoringPartitions(Broadcast<ScoringModel> model, int[] featureIndex, int batch) {
        this.model = model;
        this.featureIndex = featureIndex.clone();
        this.batch = batch;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ScoringModel m = model.value();
        TableClassifier classifier = m.classifier();
        return new Iterator<>() {
            private final List<Row> out = new ArrayList<>();
            private int next;

            @Override
            public boolean hasNext() {
                if (next < out.size()) {
                    return true;
                }
                out.clear();
                next = 0;
                List<Row> in = new ArrayList<>(batch);
                while (in.size() < batch && rows.hasNext()) {
                    in.add(rows.next());
                }
                if (in.isEmpty()) {
                    return false;
                }
                double[][] p = classifier.probabilities(table(m, in));
                for (int i = 0; i < in.size(); i++) {
                    Row r = in.get(i);
                    Object[] values = new Object[r.size() + p[i].length + 1];
                    for (int c = 0; c < r.size(); c++) {
                        values[c] = r.get(c);
                    }
                    for (int k = 0; k < p[i].length; k++) {
                        values[r.size() + k] = p[i][k];
                    }
                    values[values.length - 1] = m.classes().get(Classification.argmax(p[i]));
                    out.add(RowFactory.create(values));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return out.get(next++);
            }
        };
    }

    private Table table(ScoringModel m, List<Row> rows) {
        List<Column> cols = new ArrayList<>();
        int n = rows.size();
        for (int j = 0; j < featureIndex.length; j++) {
            String name = m.features().get(j);
            int at = featureIndex[j];
            ColumnType type = m.types().get(name);
            switch (type) {
                case LONG -> {
                    Long[] v = new Long[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = rows.get(i).isNullAt(at) ? null : ((Number) rows.get(i).get(at)).longValue();
                    }
                    cols.add(LongColumn.ofNullable(name, v));
                }
                case DOUBLE -> {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = rows.get(i).isNullAt(at) ? Double.NaN : ((Number) rows.get(i).get(at)).doubleValue();
                    }
                    cols.add(DoubleColumn.of(name, v));
                }
                case BOOLEAN -> {
                    Boolean[] v = new Boolean[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = rows.get(i).isNullAt(at) ? null : rows.get(i).getBoolean(at);
                    }
                    cols.add(BooleanColumn.ofNullable(name, v));
                }
                default -> {
                    List<String> v = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        v.add(rows.get(i).isNullAt(at) ? null : rows.get(i).get(at).toString());
                    }
                    cols.add(StringColumn.of(name, v));
                }
            }
        }
        return Table.of(cols);
    }
}
