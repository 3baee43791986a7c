package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.trustml.core.InvalidInputException;

/**
 * One input or output tensor as the Open Inference Protocol v2 describes it in model metadata.
 *
 * @param name     the tensor's name
 * @param datatype a v2 datatype: {@code BOOL}, {@code UINT8} … {@code FP32}, {@code FP64}, {@code BYTES}
 * @param shape    its shape; {@code -1} for a dimension of any size (the batch)
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {
    /** The datatypes of the v2 protocol's tensor data types table. */
    public static final Set<String> DATATYPES = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8",
            "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES");

    public TensorSpec {
        requireNonNull(name, "name");
        if (!DATATYPES.contains(datatype)) {
            throw InvalidInputException.problem("is not an Open Inference Protocol v2 datatype").column("datatype")
                    .value(datatype).expected("one of " + new java.util.TreeSet<>(DATATYPES)).build();
        }
        shape = List.copyOf(shape);
        for (long d : shape) {
            if (d < -1) {
                throw InvalidInputException.problem("is not a dimension").column("shape").value(d)
                        .expected("a size >= 0, or -1 for any size").build();
            }
        }
    }
}
