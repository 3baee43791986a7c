package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ConfusionMatrix;

class CardChartsTest {

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).as("a decodable PNG").isNotNull();
        return img;
    }

    /** Pixels of exactly this colour on one image row. */
    static int run(BufferedImage img, int y, Color colour) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            n += (img.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
        }
        return n;
    }

    @Test
    void confusionMatrixCellsAreShadedByTheirShareOfTheRow() throws Exception {
        // truth 0,0,1,1; predicted 0,0,0,1: row "normal" = [2, 0], row "covid" = [1, 1]
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1},
                List.of("normal", "covid"));
        BufferedImage img = decode(CardCharts.confusionMatrix(cm));
        // shares by hand: (normal, normal) 2/2 = 1 -> (8, 48, 107); (normal, covid) 0 -> white;
        // (covid, *) 1/2 -> 255 + 0.5 (c - 255) = (131.5, 151.5, 181) -> rounded (132, 152, 181)
        Color full = new Color(8, 48, 107);
        Color half = new Color(132, 152, 181);
        assertThat(CardCharts.shade(1.0)).isEqualTo(full);
        assertThat(CardCharts.shade(0.5)).isEqualTo(half);
        assertThat(CardCharts.shade(0.0)).isEqualTo(Color.WHITE);
        // the 76-px cells: a row through the top of the first row of cells crosses one full cell (minus
        // its border pixel and text, which sit lower) and the bottom row crosses two half cells
        int firstRowY = findRowWith(img, full);
        assertThat(firstRowY).as("a row of the image holding the dark cell").isPositive();
        assertThat(run(img, firstRowY + 2, full)).isBetween(70, 76);
        int secondRowY = findRowWith(img, half);
        assertThat(secondRowY).isGreaterThan(firstRowY);
        assertThat(run(img, secondRowY + 2, half)).isBetween(2 * 70, 2 * 76);
        assertThat(img.getWidth()).isGreaterThan(2 * 76);
    }

    private static int findRowWith(BufferedImage img, Color colour) {
        for (int y = 0; y < img.getHeight(); y++) {
            if (run(img, y, colour) > 0) {
                return y;
            }
        }
        return -1;
    }

    @Test
    void fairnessBarsStartAtTheFairValueAndAreColouredByTheConventionalBand() throws Exception {
        List<FairnessComparison> metrics = List.of(
                new FairnessComparison(StandardMetric.DISPARATE_IMPACT, 0.7, "sex", "F", "M"),
                new FairnessComparison(StandardMetric.STATISTICAL_PARITY_DIFFERENCE, -0.05, "sex", "F", "M"),
                new FairnessComparison(StandardMetric.EQUAL_OPPORTUNITY_DIFFERENCE, Double.NaN, "sex", "F", "M"));
        BufferedImage img = decode(CardCharts.fairnessBars(metrics));
        // disparate impact 0.7 is outside [0.8, 1.25]: orange; SPD -0.05 is inside |d| < 0.1: green
        assertThat(CardCharts.colour(metrics.get(0))).isEqualTo(CardCharts.UNFAIR);
        assertThat(CardCharts.colour(metrics.get(1))).isEqualTo(CardCharts.FAIR);
        // bar lengths by hand: the largest distance from the fair value, |0.7 - 1| = 0.3, spans the
        // half-width of 360 / 2 - 4 = 176 px; |-0.05 - 0| = 0.05 gives round(0.05 / 0.3 * 176) = 29 px
        int y0 = 12 + 4 + 26 / 2;
        assertThat(run(img, y0, CardCharts.UNFAIR)).isEqualTo(176);
        assertThat(run(img, y0 + 26, CardCharts.FAIR)).isEqualTo(29);
        // NaN: no bar of any colour on its row
        assertThat(run(img, y0 + 52, CardCharts.FAIR) + run(img, y0 + 52, CardCharts.UNFAIR)).isZero();
        assertThatThrownBy(() -> CardCharts.fairnessBars(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'fairness metrics': is empty (expected at least one fairness metric to draw)");
    }
}
