package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;

class FairnessCommandTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        // privileged sex=1: y 1 1 0 0, yhat 1 0 0 1; unprivileged: y 1 0 0 0, yhat 1 1 0 0
        return Files.writeString(dir.resolve("scored.csv"), "sex,race,y,yhat,p\n1,a,1,1,0.9\n1,b,1,0,0.4\n1,a,0,0,0.2\n"
                + "1,b,0,1,0.7\n0,a,1,1,0.8\n0,b,0,1,0.6\n0,a,0,0,0.1\n0,b,0,0,0.3\n");
    }

    @Test
    void jsonShape() throws IOException {
        Cli.Result r = Cli.run("fairness", "--data", csv().toString(), "--label", "y", "--prediction", "yhat", "--score", "p",
                "--privileged", "sex=1", "--protected", "sex,race", "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode json = Json.reader().readTree(r.out());
        // base rates: privileged 2/4, unprivileged 1/4
        assertThat(json.at("/dataset/base_rate/privileged").asDouble()).isCloseTo(0.5, within(1e-15));
        assertThat(json.at("/dataset/statistical_parity_difference").asDouble()).isCloseTo(-0.25, within(1e-15));
        // TPR: privileged 1/2, unprivileged 1/1
        assertThat(json.at("/classification/equal_opportunity_difference").asDouble()).isCloseTo(0.5, within(1e-15));
        assertThat(json.get("undefined").isObject()).isTrue();
    }

    @Test
    void orOfPrivilegedGroupsAndTextOutput() throws IOException {
        Cli.Result r = Cli.run("fairness", "--data", csv().toString(), "--label", "y", "--privileged", "sex=1,race=a",
                "--privileged", "sex=0,race=b");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("privileged {sex=1, race=a} OR {sex=0, race=b}").contains("base_rate")
                .doesNotContain("true_positive_rate");
    }

    @Test
    void multiclassAndConsistency() throws IOException {
        Path f = Files.writeString(dir.resolve("m.csv"), "sex,x,y,yhat\n1,0,a,a\n1,1,b,a\n1,2,c,c\n0,10,a,b\n0,11,b,b\n0,12,c,c\n");
        Cli.Result r = Cli.run("fairness", "--data", f.toString(), "--label", "y", "--prediction", "yhat", "--multiclass",
                "--favorable", "a", "--privileged", "sex=1", "--features", "x", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode json = Json.reader().readTree(r.out());
        // favorable {a}: privileged base rate 1/3, unprivileged 1/3
        assertThat(json.at("/dataset/statistical_parity_difference").asDouble()).isCloseTo(0.0, within(1e-15));
        assertThat(json.get("perClass")).hasSize(3);
        // k = 5 of 6 rows, y = [1,0,0,1,0,0]. Rows x=0,1,2 take rows {0,1,2,3,4}: 2/5 favorable; rows x=10,11,12
        // take {1,2,3,4,5}: 1/5. Terms |y − mean|: 3/5, 2/5, 2/5, 4/5, 1/5, 1/5, sum 13/5.
        assertThat(json.at("/dataset/consistency").asDouble()).isCloseTo(1 - 13.0 / 5 / 6, within(1e-15));
    }

    @Test
    void weightsAndAnExplicitUnprivilegedGroup() throws IOException {
        Path f = Files.writeString(dir.resolve("w.csv"), "sex,y,w\n1,1,3\n1,0,1\n0,1,1\n0,0,1\n0,0,2\n2,1,5\n");
        Cli.Result r = Cli.run("fairness", "--data", f.toString(), "--label", "y", "--weights", "w", "--privileged", "sex=1",
                "--unprivileged", "sex=0", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode json = Json.reader().readTree(r.out());
        // weighted base rates: privileged 3/(3+1) = 3/4, unprivileged 1/(1+1+2) = 1/4 (the sex=2 row is in neither)
        assertThat(json.at("/dataset/base_rate/privileged").asDouble()).isCloseTo(0.75, within(1e-15));
        assertThat(json.at("/dataset/base_rate/unprivileged").asDouble()).isCloseTo(0.25, within(1e-15));
        assertThat(json.at("/dataset/statistical_parity_difference").asDouble()).isCloseTo(-0.5, within(1e-15));
        // overall: W = 13, positives 3 + 1 + 5 = 9
        assertThat(json.at("/dataset/num_instances/overall").asDouble()).isEqualTo(13.0);
        assertThat(json.at("/dataset/base_rate/overall").asDouble()).isCloseTo(9.0 / 13, within(1e-15));
        assertThat(json.path("classification")).as("no --prediction: dataset metrics only").isEmpty();
    }

    /** 40 rows: the csv() rows five times over, so resamples rarely leave a group without positives. */
    private Path larger() throws IOException {
        StringBuilder sb = new StringBuilder("sex,race,y,yhat,p\n");
        String[] rows = Files.readString(csv()).split("\n");
        for (int k = 0; k < 5; k++) {
            for (int i = 1; i < rows.length; i++) {
                sb.append(rows[i]).append('\n');
            }
        }
        return Files.writeString(dir.resolve("larger.csv"), sb.toString());
    }

    @Test
    void intervalsInJsonAndTextSameSeedSameNumbers() throws IOException {
        String data = larger().toString();
        String[] args = {"fairness", "--data", data, "--label", "y", "--prediction", "yhat", "--privileged", "sex=1",
            "--ci", "0.9", "--bootstrap", "200", "--seed", "3", "--format", "json"};
        Cli.Result r = Cli.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode json = Json.reader().readTree(r.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.at("/intervals/options/method").asText()).isEqualTo("bca");
        assertThat(json.at("/intervals/options/resamples").asInt()).isEqualTo(200);
        JsonNode spd = json.at("/intervals/values/classification.statistical_parity_difference");
        // selection rates: privileged 10/20, unprivileged 10/20, so SPD 0 inside its interval
        assertThat(spd.get("lower").asDouble()).isLessThanOrEqualTo(0);
        assertThat(spd.get("upper").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(spd.get("level").asDouble()).isEqualTo(0.9);
        assertThat(Cli.run(args).out()).isEqualTo(r.out());
        Cli.Result text = Cli.run("fairness", "--data", data, "--label", "y", "--prediction", "yhat", "--privileged",
                "sex=1", "--ci", "0.9", "--bootstrap", "200", "--seed", "3");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("intervals: 90% bca bootstrap, 200 resamples, seed 3")
                .containsPattern("\nstatistical_parity_difference +0.00000 \\[-0\\.[0-9]+, 0\\.[0-9]+\\]\n");
        Cli.Result analytic = Cli.run("fairness", "--data", data, "--label", "y", "--prediction", "yhat", "--privileged",
                "sex=1", "--ci-method", "analytic", "--format", "json");
        assertThat(Json.reader().readTree(analytic.out()).at("/intervals/values/classification.disparate_impact/method")
                .asText()).isEqualTo("katz-log");
    }

    @Test
    void intersectionalSearchInTextAndJson() throws IOException {
        String data = larger().toString();
        Cli.Result r = Cli.run("fairness", "--data", data, "--label", "y", "--prediction", "yhat", "--privileged", "sex=1",
                "--protected", "sex,race", "--intersectional", "2", "--min-support", "5");
        assertThat(r.code()).isZero();
        // race=a selects 10/20, race=b 10/20, ... (every subgroup of these rows selects half): none significant
        assertThat(r.out()).contains("intersectional search by selection_rate (depth 2, min support 5 rows, FDR 0.05): "
                + "8 of 8 subgroups tested, 0 significant").contains("worst subgroup: none significant");
        JsonNode json = Json.reader().readTree(Cli.run("fairness", "--data", data, "--label", "y", "--prediction", "yhat",
                "--privileged", "sex=1", "--protected", "sex,race", "--intersectional", "1", "--format", "json").out());
        assertThat(json.at("/intersectionalSearch/tested").asInt()).isZero();  // 20 rows per value: below 30
        assertThat(json.at("/intersectionalSearch/considered").asInt()).isEqualTo(4);
    }

    @Test
    void badIntervalOptionsAreExitTwoBeforeReading() throws IOException {
        String data = dir.resolve("missing.csv").toString();
        Cli.Result analytic = Cli.run("fairness", "--data", data, "--label", "y", "--privileged", "sex=1",
                "--ci-method", "analytic", "--bootstrap", "100");
        assertThat(analytic.code()).isEqualTo(2);
        assertThat(analytic.err()).isEqualTo("trustml: column '--bootstrap': value '100' is given with --ci-method "
                + "analytic, which does not resample (expected no --bootstrap or --seed)\n");
        Cli.Result level = Cli.run("fairness", "--data", data, "--label", "y", "--privileged", "sex=1", "--ci", "95");
        assertThat(level.code()).isEqualTo(2);
        assertThat(level.err()).contains("column 'level': value '95.0' is not a confidence level");
        assertThat(Cli.run("fairness", "--data", data, "--label", "y", "--privileged", "sex=1", "--ci-method", "wald")
                .err()).contains("'wald' is not an interval method (expected percentile, bca or analytic)");
        assertThat(Cli.run("fairness", "--data", data, "--label", "y", "--privileged", "sex=1", "--fdr", "0.1").err())
                .contains("column '--fdr': is given without --intersectional");
        assertThat(Cli.run("fairness", "--data", data, "--label", "y", "--privileged", "sex=1", "--intersectional", "0")
                .err()).contains("is not a search depth");
    }

    @Test
    void helpNamesTheIntervalOptions() {
        Cli.Result r = Cli.run("fairness", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--ci=LEVEL", "--bootstrap=N", "--ci-method=METHOD", "--seed=S",
                "--intersectional=DEPTH", "--min-support=ROWS", "--fdr=Q");
    }

    @Test
    void badInputIsExitTwoWithOneLine() throws IOException {
        Cli.Result r = Cli.run("fairness", "--data", csv().toString(), "--label", "y", "--privileged", "sex=1",
                "--unprivileged", "race=a");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("trustml: column 'unprivileged': value '{sex=1, race=a}' is in both the privileged "
                + "group {sex=1} and the unprivileged group {race=a} (expected disjoint groups: no row in both)\n");
    }
}
