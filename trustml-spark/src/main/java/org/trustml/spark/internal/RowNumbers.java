package org.trustml.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Row positions of a DataFrame, for error messages that name a row as a {@code Table} would (1-based, in the
 * DataFrame's order: its partitions in order, each partition's rows in order). Aggregations carry
 * {@code monotonically_increasing_id()} (partition index × 2³³ + position in the partition, increasing in
 * that order) and keep its minimum; only when an error is reported is the id turned into a row number, by
 * counting the rows before it (one more job). The DataFrame must give the same rows in the same
 * partitions when it is evaluated again, as any DataFrame read from files does.
 */
public final class RowNumbers {
    /** The name of the id column in the aggregations' input. */
    public static final String ID = "__trustml_row_id";

    private final Dataset<Row> df;

    public RowNumbers(Dataset<Row> df) {
        this.df = df;
    }

    /** The id column, to select beside the columns an aggregation reads. */
    public static Column id() {
        return monotonically_increasing_id().as(ID);
    }

    /** The 1-based row number of the row with this id. */
    public long rowOf(long id) {
        return df.select(id()).where(col(ID).lt(id)).count() + 1;
    }

    /** The values of {@code columns} in the row with this id. */
    public Row values(long id, Column... columns) {
        Column[] all = new Column[columns.length + 1];
        System.arraycopy(columns, 0, all, 0, columns.length);
        all[columns.length] = id();
        return df.select(all).where(col(ID).equalTo(id)).first();
    }
}
