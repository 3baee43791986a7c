package org.trustml.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;

/** Proves the PyTorch natives load offline on this machine, and converts tables to NDArrays. */
class TableNDArrayTest {

    @Test
    void pytorchEngineLoadsOffline() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        try (NDManager manager = NDManager.newBaseManager(null, "PyTorch")) {
            assertThat(manager.getEngine().getEngineName()).isEqualTo("PyTorch");
            assertThat(Engine.getEngine("PyTorch").getVersion()).isEqualTo("2.7.1");
            NDArray x = manager.create(new float[] {1, 2, 3});
            assertThat(x.mul(2).sum().getFloat()).isEqualTo(12f); // 2+4+6
        }
    }

    @Test
    void chosenNumericColumnsBecomeARowMajorMatrix() {
        Table t = Table.of(DoubleColumn.of("x", 0.5, 1.5, 2.5), LongColumn.of("n", 1, 2, 3),
                BooleanColumn.of("b", true, false, true), StringColumn.of("s", "a", "b", "c"));
        try (NDManager manager = NDManager.newBaseManager(null, "PyTorch")) {
            NDArray a = t.toNDArray(manager, "n", "x", "b");
            assertThat(a.getShape()).isEqualTo(new Shape(3, 3));
            assertThat(a.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(a.toFloatArray()).containsExactly(1f, 0.5f, 1f, 2f, 1.5f, 0f, 3f, 2.5f, 1f);
            NDArray d = t.toNDArray(manager, DataType.FLOAT64, "x");
            assertThat(d.toDoubleArray()).containsExactly(0.5, 1.5, 2.5);
            assertThatThrownBy(() -> t.toNDArray(manager, "s")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("column 's'");
            Table missing = t.withColumn(DoubleColumn.of("x", 1, Double.NaN, 3));
            assertThatThrownBy(() -> missing.toNDArray(manager, "x")).isInstanceOf(InvalidInputException.class)
                    .hasMessage("row 1, column 'x': is missing (expected no missing values in columns converted to an"
                            + " NDArray; filter or impute first)");
        }
    }
}
