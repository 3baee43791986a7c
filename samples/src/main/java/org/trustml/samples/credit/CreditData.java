package org.trustml.samples.credit;

import java.nio.file.Path;
import java.util.Random;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Generates loan applicants with a planted bias, seeded. For each applicant, independently:
 * <ul>
 *   <li>{@code sex}: F or M with probability 1/2; {@code age_group}: 18-25 (25 %), 26-45 (50 %),
 *       46+ (25 %);</li>
 *   <li>{@code income} (thousands a year): exp(N(3.6, 0.4)), the same distribution for everyone;</li>
 *   <li>{@code debt_ratio}: uniform in [0, 0.8]; {@code years_employed}: uniform integer 0–20;</li>
 *   <li>{@code history}: good (60 %), fair (30 %), poor (10 %).</li>
 * </ul>
 * Creditworthiness is {@code s = 2·(ln income − 3.6) − 4·debt_ratio + 0.08·years_employed
 * + {good: 0.8, fair: 0, poor: −1.2} + N(0, 0.5)}; the deserved label is {@code good} when
 * {@code s > −0.3}, else {@code bad}. Nothing in it depends on sex or age.
 *
 * <p>The planted bias: the {@code credit} column holds past decisions, in which a deserving woman was
 * refused (labelled {@code bad}) with probability {@link #REFUSAL_BIAS}. The deserved label is kept in
 * {@code deserved} for checking, and is never a feature.
 */
public final class CreditData {
    /** Probability that a deserving woman's historical label is {@code bad}. */
    public static final double REFUSAL_BIAS = 0.35;

    private CreditData() {}

    /** {@code n} applicants from {@code seed}. */
    public static Table generate(int n, long seed) {
        Random r = new Random(seed);
        String[] sex = new String[n];
        String[] age = new String[n];
        double[] income = new double[n];
        double[] debt = new double[n];
        long[] years = new long[n];
        String[] history = new String[n];
        String[] deserved = new String[n];
        String[] credit = new String[n];
        for (int i = 0; i < n; i++) {
            sex[i] = r.nextBoolean() ? "F" : "M";
            double a = r.nextDouble();
            age[i] = a < 0.25 ? "18-25" : a < 0.75 ? "26-45" : "46+";
            income[i] = Math.round(Math.exp(3.6 + 0.4 * r.nextGaussian()) * 10) / 10.0;
            debt[i] = Math.round(r.nextDouble() * 0.8 * 1000) / 1000.0;
            years[i] = r.nextInt(21);
            double h = r.nextDouble();
            history[i] = h < 0.6 ? "good" : h < 0.9 ? "fair" : "poor";
            double s = 2 * (Math.log(income[i]) - 3.6) - 4 * debt[i] + 0.08 * years[i]
                    + (history[i].equals("good") ? 0.8 : history[i].equals("fair") ? 0 : -1.2) + 0.5 * r.nextGaussian();
            deserved[i] = s > -0.3 ? "good" : "bad";
            boolean refused = sex[i].equals("F") && r.nextDouble() < REFUSAL_BIAS;
            credit[i] = deserved[i].equals("good") && !refused ? "good" : "bad";
        }
        return Table.of(StringColumn.of("sex", sex), StringColumn.of("age_group", age), DoubleColumn.of("income", income),
                DoubleColumn.of("debt_ratio", debt), LongColumn.of("years_employed", years),
                StringColumn.of("history", history), StringColumn.of("deserved", deserved),
                StringColumn.of("credit", credit));
    }

    /** Writes {@code n} applicants from {@code seed} as CSV. */
    public static Path write(Path csv, int n, long seed) {
        return generate(n, seed).writeCsv(csv);
    }
}
