package org.trustml.modelcard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.modelcard.CardFormat;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;

class ModelCardSectionTest {
    private static final Evaluation NONE = Evaluation.of(List.of());
    private static final ReportInput INPUT = ReportInput.of("t", NONE, Verdict.judge(List.of(), NONE, Optional.empty()));

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(ModelCardSection.class.getName());
    }

    @Test
    void embedsTheAttachedCardEscapedOnceInASandboxedFrame() {
        ModelCard card = ModelCards.parse("model_details:\n  name: \"CT <i>classifier</i>\"\n"
                + "  overview: \"<script>document.title='pwned'</script> & more\"\n", CardFormat.YAML);
        String html = render(INPUT.withAttachment(card));
        assertThat(html).startsWith("<iframe title=\"Model card\" sandbox=\"\" srcdoc=\"&lt;!DOCTYPE html&gt;")
                .contains(HtmlWriter.escape(CardRenderer.html(card))) // the card's own page, escaped once
                .doesNotContain("<script>").doesNotContain("<i>classifier");
    }

    @Test
    void saysWhenNoCardWasGiven() {
        assertThat(render(INPUT)).isEqualTo("<p class=\"missing\">No model card was given.</p>\n");
    }

    private static String render(ReportInput input) {
        HtmlWriter out = new HtmlWriter(c -> new byte[0]);
        new ModelCardSection().render(input, out);
        return out.html();
    }
}
