package org.trustml.cli;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Synthetic image metadata shaped like the public COVID-19 chest image collection the seed
 * pipelines start from: findings with slashes ({@code Pneumonia/Viral/COVID-19}), some CT volumes
 * ({@code .nii.gz}) among the X-ray images, missing ages. No real data ships with trustml.
 */
final class DemoData {
    private static final String[] FINDINGS = {
        "Pneumonia/Viral/COVID-19", "Pneumonia/Viral/COVID-19", "Pneumonia/Bacterial/Streptococcus",
        "Pneumonia/Viral/SARS", "No Finding", "No Finding", "Pneumonia/Fungal/Pneumocystis", "Tuberculosis"
    };
    private static final String[] VIEWS = {"PA", "AP", "AP Supine", "L", "Axial"};
    private static final String[] SEXES = {"M", "F"};

    private DemoData() {}

    static Table generate(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] patient = new long[rows];
        String[] sex = new String[rows];
        double[] age = new double[rows];
        String[] finding = new String[rows];
        String[] view = new String[rows];
        String[] filename = new String[rows];
        for (int i = 0; i < rows; i++) {
            patient[i] = 1 + rnd.nextInt(Math.max(1, rows / 2));
            sex[i] = rnd.nextInt(20) == 0 ? null : SEXES[rnd.nextInt(2)];
            age[i] = rnd.nextInt(15) == 0 ? Double.NaN : 18 + rnd.nextInt(70);
            finding[i] = FINDINGS[rnd.nextInt(FINDINGS.length)];
            boolean ct = rnd.nextInt(8) == 0;
            view[i] = ct ? "Axial" : VIEWS[rnd.nextInt(VIEWS.length - 1)];
            filename[i] = String.format("img-%05d.%s", i, ct ? "nii.gz" : rnd.nextBoolean() ? "png" : "jpg");
        }
        return Table.of(LongColumn.of("patientid", patient), StringColumn.of("sex", sex), DoubleColumn.of("age", age),
                StringColumn.of("finding", finding), StringColumn.of("view", view), StringColumn.of("filename", filename));
    }

    static Path write(Path file, int rows, long seed) {
        return generate(rows, seed).writeCsv(file);
    }
}
