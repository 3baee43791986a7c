package org.trustml.modelcard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PythonFloatsTest {
    @Test
    void reprIsPythonsForTwoThousandDoubles() throws Exception {
        // [IEEE-754 bits, repr(x)] from CPython 3.11.2 (src/test/python/make_python_repr_fixture.py): metric-like
        // values, short decimals, integers, powers of two, subnormals, any finite bit pattern, nan, inf, -0.0
        JsonNode cases;
        try (InputStream in = PythonFloatsTest.class.getResourceAsStream("/python_float_repr.json")) {
            cases = CardMappers.json().readTree(in);
        }
        assertThat(cases).hasSize(2000);
        for (JsonNode c : cases) {
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(c.get(0).asText(), 16));
            String repr = c.get(1).asText();
            assertThat(PythonFloats.repr(x)).as("repr of %s", c.get(0).asText()).isEqualTo(repr);
            Optional<Double> back = PythonFloats.parse(repr);
            assertThat(back).as("float(%s)", repr).isPresent();
            assertThat(Double.doubleToLongBits(back.get())).isEqualTo(Double.doubleToLongBits(x));
        }
    }

    @Test
    void parseReadsWhatPythonsFloatReadsAndNothingElse() {
        assertThat(PythonFloats.parse(" 0.9 ")).contains(0.9);
        assertThat(PythonFloats.parse("1e-05")).contains(1e-5);
        assertThat(PythonFloats.parse(".5")).contains(0.5);
        assertThat(PythonFloats.parse("5.")).contains(5.0);
        assertThat(PythonFloats.parse("-Infinity")).contains(Double.NEGATIVE_INFINITY);
        assertThat(PythonFloats.parse("NaN")).hasValueSatisfying(v -> assertThat(v).isNaN());
        assertThat(PythonFloats.parse("0.1, 0.5, 0.9")).isEmpty();
        assertThat(PythonFloats.parse("0x1p3")).isEmpty(); // Java reads hex floats, Python's float() does not
        assertThat(PythonFloats.parse("1e")).isEmpty();
        assertThat(PythonFloats.parse("")).isEmpty();
        assertThat(PythonFloats.parse("high")).isEmpty();
    }
}
