package org.trustml.fairness.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.Group;
import org.trustml.fairness.IntersectionalSearch;
import org.trustml.fairness.IntervalOptions;

class FairnessSectionTest {
    /** The PNG signature: all the writer checks of the bytes the stub renderer returns. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String HOSTILE = "F<script>alert(1)</script>";

    private final List<Chart> drawn = new ArrayList<>();

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(FairnessSection.class.getName());
    }

    @Test
    void drawsAif360sBetweenGroupMetricsWithTheGatesBounds() {
        FairnessReport report = report();
        Verdict verdict = Verdict.judge(List.of(Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).between(-0.1, 0.1)), report,
                Optional.empty());
        String html = render(ReportInput.of("t", report, verdict).withEvaluators(Map.of("fair<b>", report)));

        // hand-worked from the data below (favorable = positive, privileged sex = M):
        // P(ŷ=1 | F) = 1/6, P(ŷ=1 | M) = 4/6: statistical parity difference 1/6 - 4/6 = -0.5, disparate impact 0.25;
        // TPR F = 1/3, TPR M = 3/3: equal opportunity difference -2/3; FPR F = 0, FPR M = 1/3:
        // average odds difference ((0 - 1/3) + (1/3 - 1)) / 2 = -0.5
        List<Chart.GatedBar> bars = drawn.stream().map(Chart.GatedBar.class::cast).toList();
        assertThat(bars).extracting(Chart.GatedBar::metric).containsExactly("statistical_parity_difference",
                "disparate_impact", "equal_opportunity_difference", "average_odds_difference");
        assertThat(bars.get(0).value()).isCloseTo(-0.5, within(1e-12));
        assertThat(bars.get(1).value()).isCloseTo(0.25, within(1e-12));
        Chart.GatedBar eod = bars.get(2);
        assertThat(eod.value()).isCloseTo(-2.0 / 3, within(1e-12));
        assertThat(eod.gate()).isEqualTo(Chart.GateOutcome.FAILED);
        assertThat(eod.lower()).hasValue(-0.1);
        assertThat(eod.upper()).hasValue(0.1);
        // a difference is centred on 0: span max(0.5, 1.1 * 2/3)
        assertThat(eod.yMax()).isCloseTo(1.1 * 2 / 3, within(1e-12));
        assertThat(eod.yMin()).isEqualTo(-eod.yMax());
        assertThat(bars.get(0).gate()).isEqualTo(Chart.GateOutcome.NO_GATE);

        assertThat(html).contains("<figcaption>equal_opportunity_difference &#61; -0.667 (gate [-0.1, 0.1]: FAIL)")
                .contains("<code>fair&lt;b&gt;</code>").contains("<summary>Every fairness metric</summary>")
                .doesNotContain("<script").doesNotContain("<b>");
    }

    @Test
    void intervalsAreErrorBarsAndTheSearchIsListed() {
        FairnessReport report = report(IntervalOptions.analytic(0.95));
        Verdict verdict = Verdict.judge(List.of(Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.01, 2.0).wholeInterval()),
                report, Optional.empty());
        String html = render(ReportInput.of("t", report, verdict).withEvaluators(Map.of("fairness", report)));
        List<Chart.GatedBar> bars = drawn.stream().map(Chart.GatedBar.class::cast).toList();
        // disparate impact (1/6)/(4/6) = 0.25; Katz: exp(ln 0.25 ± 1.959964·√(1/1 − 1/6 + 1/4 − 1/6))
        Chart.GatedBar di = bars.get(1);
        double se = Math.sqrt(1 - 1.0 / 6 + 1.0 / 4 - 1.0 / 6);
        assertThat(di.errorBar().orElseThrow().lower()).isCloseTo(0.25 * Math.exp(-1.959963984540054 * se), within(1e-12));
        assertThat(di.errorBar().orElseThrow().upper()).isCloseTo(0.25 * Math.exp(1.959963984540054 * se), within(1e-12));
        // about [0.0383, 1.63], within the gate's [0.01, 2]; the axis reaches max(2, 1.1 · 2) = 2.2
        assertThat(di.yMax()).isGreaterThanOrEqualTo(di.errorBar().orElseThrow().upper());
        assertThat(di.gate()).isEqualTo(Chart.GateOutcome.PASSED);
        assertThat(bars).allSatisfy(b -> assertThat(b.errorBar()).isPresent());
        assertThat(html).contains("Black whiskers are 95% analytic intervals.")
                .contains("<figcaption>disparate_impact &#61; 0.250 [0.0382").contains("(95% katz-log)")
                .contains("<th>interval</th>")
                .contains("Intersectional search by selection_rate: subgroups of up to 1 protected columns with at least 1 "
                        + "rows against all other rows").contains("2 of 2 tested, 0 significant. Worst: none significant.");
    }

    @Test
    void saysWhenNoFairnessEvaluatorRan() {
        Evaluation none = Evaluation.of(List.of());
        String html = render(ReportInput.of("t", none, Verdict.judge(List.of(), none, Optional.empty())));
        assertThat(html).isEqualTo("<p class=\"missing\">No fairness evaluator ran.</p>\n");
        assertThat(drawn).isEmpty();
    }

    private String render(ReportInput input) {
        HtmlWriter out = new HtmlWriter(c -> {
            drawn.add(c);
            return PNG;
        });
        new FairnessSection().render(input, out);
        return out.html();
    }

    /** 12 rows: M (6) and a hostile group value (6); the model misses 2 of the 3 positives of the second group. */
    private static FairnessReport report() {
        return fairness().report();
    }

    private static FairnessReport report(IntervalOptions intervals) {
        return fairness().intervals(intervals).intersectionalSearch(IntersectionalSearch.Options.depth(1).minSupport(1))
                .report();
    }

    private static Fairness fairness() {
        int[] truth = {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0};
        int[] pred = {1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0};
        String[] t = new String[12];
        String[] y = new String[12];
        String[] sex = new String[12];
        for (int i = 0; i < 12; i++) {
            t[i] = truth[i] == 1 ? "positive" : "negative";
            y[i] = pred[i] == 1 ? "positive" : "negative";
            sex[i] = i < 6 ? "M" : HOSTILE;
        }
        return Fairness.of(Table.of(StringColumn.of("label", t), StringColumn.of("prediction", y),
                StringColumn.of("sex", sex))).label("label").prediction("prediction")
                .privileged(Group.where("sex", "M")).favorable("positive").unfavorable("negative");
    }
}
