package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;
import org.trustml.publish.TensorSpec;
import org.trustml.serving.internal.InferenceCodec;

/**
 * Open Inference Protocol v2 request bodies for a served tabular classifier, for clients and tests: one
 * input per feature column of the signature, shape {@code [n]}, typed as the signature says
 * ({@code BYTES} strings, {@code FP64}, {@code INT64}, {@code BOOL}), taken from the rows' columns
 * of those names (other columns are left out).
 */
public final class TabularRequests {
    private TabularRequests() {}

    /**
     * The request body (UTF-8 JSON) for every row of {@code rows}.
     *
     * @throws InvalidInputException when a feature column is missing from {@code rows} or has a missing value
     */
    public static byte[] of(Table rows, Signature signature, Optional<String> id) {
        requireNonNull(rows, "rows");
        requireNonNull(signature, "signature");
        ObjectNode root = InferenceCodec.mapper().createObjectNode();
        requireNonNull(id, "id").ifPresent(i -> root.put("id", i));
        ArrayNode inputs = root.putArray("inputs");
        for (TensorSpec spec : signature.inputs()) {
            if (spec.name().equals(Signature.TENSOR_INPUT) && !rows.hasColumn(spec.name())) {
                continue; // the FP32 alternative to the columns
            }
            if (!rows.hasColumn(spec.name())) {
                throw InvalidInputException.problem("is missing").column(spec.name())
                        .expected("a column for every input of the signature: " + signature.inputs().stream()
                                .map(TensorSpec::name).filter(n -> !n.equals(Signature.TENSOR_INPUT)).toList())
                        .build();
            }
            Column c = rows.column(spec.name());
            ObjectNode in = inputs.addObject().put("name", spec.name()).put("datatype", spec.datatype());
            in.putArray("shape").add(rows.rowCount());
            ArrayNode data = in.putArray("data");
            for (int r = 0; r < rows.rowCount(); r++) {
                if (c.isMissing(r)) {
                    throw InvalidInputException.problem("is missing").row(r + 1L).column(c.name())
                            .expected("a value in every row of a feature column").build();
                }
                switch (spec.datatype()) {
                    case "BYTES" -> data.add(c.format(r));
                    case "INT64" -> data.add(rows.longs(c.name())[r]);
                    case "BOOL" -> data.add(rows.booleans(c.name())[r]);
                    default -> data.add(c.number(r));
                }
            }
        }
        return InferenceCodec.json(root);
    }

    /** The same as a string. */
    public static String json(Table rows, Signature signature, Optional<String> id) {
        return new String(of(rows, signature, id), StandardCharsets.UTF_8);
    }
}
