package org.trustml.core.evaluation;

import java.util.List;
import org.trustml.core.table.Table;

/**
 * A classifier over table rows, whatever trained it (Tribuo, Smile, an ONNX session, a served model): what
 * a {@link TableEvaluator} such as LIME tabular queries. It reads {@link #features()} of the rows it is
 * given and ignores their other columns.
 */
public interface TableClassifier {
    /** Its classes, by index: column {@code j} of {@link #probabilities} is {@code classes().get(j)}. */
    List<String> classes();

    /** The columns it reads, in the order it was trained on them. */
    List<String> features();

    /**
     * Class probabilities for each row of {@code rows} ({@code [row][class]}); numeric features may come as
     * {@code double} columns even when the model was trained on integer ones.
     */
    double[][] probabilities(Table rows);
}
