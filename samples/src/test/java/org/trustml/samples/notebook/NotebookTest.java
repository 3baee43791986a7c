package org.trustml.samples.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spencerpark.ijava.runtime.Display;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.io.Json;
import org.trustml.modelcard.ModelCards;
import org.trustml.samples.gates.TinyData;
import org.trustml.samples.gates.TinyModel;

class NotebookTest {
    @Test
    void metricsBecomeAnEscapedHtmlTable() {
        Evaluation e = Evaluation.of(List.of(MetricValue.of("accuracy", Slice.of("group", "<F&M>"), 0.75),
                MetricValue.undefined("recall", Slice.OVERALL, "no positives")));
        String html = Notebook.html(e).html();
        assertThat(html).startsWith("<table>").contains("<td>accuracy</td><td>group=&lt;F&amp;M&gt;</td><td>0.75</td>")
                .contains("<td>recall</td><td>overall</td><td>NaN</td><td>no positives</td>");
    }

    @Test
    void aModelCardRendersAsTheCardRenderersHtml() {
        assertThat(Notebook.html(ModelCards.template()).html()).contains("<html").contains("</html>");
    }

    @Test
    void inIJavaHtmlIsDisplayedAsTextHtmlAndImagesAsThemselves() {
        Display.CALLS.clear();
        assertThat(Notebook.publish(new Html("<b>x</b>"))).isTrue();
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThat(Notebook.publish(image)).isTrue();
        assertThat(Display.CALLS).hasSize(2);
        assertThat(Display.CALLS.get(0)[0]).isEqualTo("<b>x</b>");
        assertThat((String[]) Display.CALLS.get(0)[1]).containsExactly("text/html");
        assertThat(Display.CALLS.get(1)[0]).isSameAs(image);
    }

    @Test
    void figuresOfATrainedModel() {
        TinyData data = TinyData.generate(6, 3);
        try (TinyModel model = TinyModel.train(data, 50, 3)) {
            // 8 px enlarged 24 times; the adversarial figure holds two of them, 8 px apart, and a 20 px caption row
            assertThat(Figures.limeOverlay(model, data, 0, 1).getWidth()).isEqualTo(8 * 24);
            BufferedImage adv = Figures.adversarialExample(model, data, 1, 0.3, 1);
            assertThat(adv.getWidth()).isEqualTo(2 * 8 * 24 + 8);
            assertThat(adv.getHeight()).isEqualTo(8 * 24 + 20);
        }
    }

    @Test
    void theCommittedNotebookHasNoOutputs() throws Exception {
        JsonNode nb = Json.reader().readTree(Files.readString(Path.of("notebooks", "trusted-pipeline.ipynb")));
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertThat(cell.get("outputs")).as("outputs of %s", cell.get("source")).isEmpty();
                assertThat(cell.get("execution_count").isNull()).isTrue();
            }
        }
        assertThat(nb.get("cells").get(1).get("source").get(0).asText()).startsWith("%jars ");
    }
}
