package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/**
 * {@code fairness} and {@code drift} with {@code --spark local[2]} print what the single-machine commands print
 * for the same files (Spark is on the test class path through the CLI's provided dependency); without Spark on
 * the class path the option is bad input that says how to add it.
 */
class SparkCommandTest {
    @TempDir
    Path dir;

    @Test
    void fairnessOnSparkPrintsTheStreamingReport() throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        StringBuilder sb = new StringBuilder("sex,race,y,yhat,p,w\n");
        for (int i = 0; i < 300; i++) {
            int y = r.nextInt(2);
            int yhat = r.nextInt(4) == 0 ? 1 - y : y;
            sb.append(i < 2 ? i : r.nextInt(2)).append(',').append(r.nextBoolean() ? "a" : "b").append(',').append(y)
                    .append(',').append(yhat).append(',').append((yhat * 8 + r.nextInt(8)) / 16.0).append(',')
                    .append(1 + r.nextInt(3)).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("scored.csv"), sb.toString());
        String[] args = {"fairness", "--data", csv.toString(), "--label", "y", "--prediction", "yhat", "--score", "p",
                "--weights", "w", "--privileged", "sex=1", "--protected", "sex,race", "--format", "json"};
        Cli.Result single = Cli.run(args);
        Cli.Result onSpark = Cli.run(append(args, "--spark", "local[2]"));
        assertThat(single.code()).isZero();
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        // integer weights and scores in 1/16 steps: every sum exact, so the JSON is identical
        assertThat(onSpark.out()).isEqualTo(single.out());
    }

    @Test
    void driftOnSparkReadsParquetAndCsvAndPrintsTheTableReport() throws IOException {
        SplittableRandom r = new SplittableRandom(9);
        StringBuilder ref = new StringBuilder("x,t,color\n");
        StringBuilder cur = new StringBuilder("x,t,color\n");
        for (int i = 0; i < 200; i++) {
            ref.append(r.nextInt(1000) / 100.0).append(',').append(r.nextInt(4)).append(',').append(r.nextBoolean() ? "red" : "blue").append('\n');
            cur.append(r.nextInt(1100) / 100.0).append(',').append(r.nextInt(5)).append(',').append(r.nextInt(3) == 0 ? "green" : "red").append('\n');
        }
        Path refCsv = Files.writeString(dir.resolve("ref.csv"), ref.toString());
        Path curCsv = Files.writeString(dir.resolve("cur.csv"), cur.toString());
        Path refParquet = dir.resolve("ref.parquet");
        SparkSession spark = SparkSession.builder().master("local[1]").appName("write parquet")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            spark.read().option("header", "true").option("inferSchema", "true").csv(refCsv.toString()).coalesce(1)
                    .write().parquet(refParquet.toString());
        } finally {
            spark.stop();
        }
        String[] options = {"--tests", "ks,chi2,psi,z", "--correction", "bonferroni", "--format", "json"};
        Cli.Result single = Cli.run(append(new String[] {"drift", "--reference", refCsv.toString(), "--current",
                curCsv.toString()}, options));
        Cli.Result onSpark = Cli.run(append(append(new String[] {"drift", "--reference", refParquet.toString(), "--current",
                curCsv.toString()}, options), "--spark", "local[2]"));
        assertThat(single.code()).isZero();
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        // KS, chi-square, PSI and z come from counts and the KS statistic: identical
        assertThat(onSpark.out()).contains("\"ks\"").isEqualTo(single.out());
    }

    @Test
    void withoutSparkOnTheClassPathTheOptionSaysHowToAddIt() {
        assertThatThrownBy(() -> SparkSupport.requirePresent("local[*]", ClassLoader.getPlatformClassLoader()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column '--spark'").hasMessageContaining("needs Apache Spark on the class path")
                .hasMessageContaining("SPARK_HOME");
    }

    private static String[] append(String[] a, String... more) {
        String[] out = new String[a.length + more.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
