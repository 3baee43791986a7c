package org.trustml.modelcard.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as text the way the Model Card Toolkit writes them. MCT's last release keeps
 * {@code performance_metrics[].value} and the confidence-interval bounds as strings and fills them
 * with Python's {@code str(float)} (its TFMA path: {@code value=str(parsed_value)}), so trustml
 * writes a double as Python's {@code repr} does:
 * <ul>
 *   <li>the shortest decimal that reads back as the same double; of several that short, the
 *       closest (Steele-White / Gay, what CPython's {@code float_repr_style 'short'} gives);</li>
 *   <li>plain notation when the decimal exponent {@code e} (value = d.ddd &times; 10<sup>e</sup>)
 *       is in [-4, 16), with {@code .0} added to a whole number ({@code 0.0001}, {@code 1e+16} is not
 *       plain: {@code 1000000000000000.0} is the largest);</li>
 *   <li>otherwise {@code d.ddde±XX} with at least two exponent digits ({@code 1e-05},
 *       {@code 1.5e+16});</li>
 *   <li>{@code nan}, {@code inf}, {@code -inf}, {@code -0.0}.</li>
 * </ul>
 * Checked against CPython 3.11 on 2,000 seeded doubles ({@code src/test/python/make_python_repr_fixture.py}).
 */
public final class PythonFloats {
    /** What Python's {@code float()} accepts, less underscores: a decimal, or nan/inf/infinity, signed. */
    private static final Pattern NUMBER = Pattern.compile(
            "[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:nan|inf|infinity))");

    private PythonFloats() {}

    /** {@code repr(x)} in Python 3. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(x).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - shortest.scale() - 1;
        StringBuilder sb = new StringBuilder(x < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append(exponent < 0 ? "e-" : "e+");
            int abs = Math.abs(exponent);
            sb.append(abs < 10 ? "0" : "").append(abs);
        } else if (exponent < 0) {
            sb.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (exponent + 1 >= digits.length()) {
            sb.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return sb.toString();
    }

    /** The number a text holds, as Python's {@code float(text)} reads it; empty when it is not one ("0.1, 0.5"). */
    public static Optional<Double> parse(String text) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            return Optional.empty();
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Optional.of(Double.NaN);
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return Optional.of(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return Optional.of(Double.parseDouble(t));
    }

    /**
     * The shortest decimal that rounds to {@code x}; of those, the closest. At each length the
     * nearest decimal and its two neighbours are tried: where {@code x} is a power of two its
     * rounding interval is lopsided, and a neighbour can read back when the nearest does not.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            BigDecimal unit = BigDecimal.ONE.movePointLeft(nearest.scale());
            BigDecimal best = null;
            for (BigDecimal candidate : new BigDecimal[] {nearest, nearest.subtract(unit), nearest.add(unit)}) {
                if (candidate.doubleValue() == x && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
