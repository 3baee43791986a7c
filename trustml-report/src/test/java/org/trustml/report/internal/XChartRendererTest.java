package org.trustml.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trustml.core.report.Chart;

/** The gated bar's error bar: drawn where the interval is, asymmetric about the value, the bar left as it was. */
class XChartRendererTest {
    private static BufferedImage draw(Chart chart) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(new XChartRenderer().png(chart)));
    }

    /** Rows crossed by the gate's dashed red lines (XChartRenderer.FAIL), top first. */
    private static List<Integer> redRows(BufferedImage img) {
        List<Integer> rows = new ArrayList<>();
        for (int y = 0; y < img.getHeight(); y++) {
            int red = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                red += (rgb >> 16 & 0xff) > 150 && (rgb >> 8 & 0xff) < 90 && (rgb & 0xff) < 90 ? 1 : 0;
            }
            if (red > img.getWidth() / 4 && (rows.isEmpty() || y > rows.get(rows.size() - 1) + 1)) {
                rows.add(y);
            }
        }
        return rows;
    }

    @Test
    void anIntervalIsAWhiskerFromItsLowerToItsUpperEnd() throws IOException {
        Chart.GatedBar plain = new Chart.GatedBar("disparate_impact", 0.9, OptionalDouble.of(0.8), OptionalDouble.of(1.25),
                Chart.GateOutcome.PASSED, 0, 2);
        Chart.GatedBar withCi = new Chart.GatedBar("disparate_impact", 0.9, OptionalDouble.of(0.8), OptionalDouble.of(1.25),
                Chart.GateOutcome.PASSED, 0, 2, Optional.of(new Chart.ErrorBar(0.6, 1.5)));
        BufferedImage a = draw(plain);
        BufferedImage b = draw(withCi);
        // the gate lines at 1.25 (upper row) and 0.8 give the axis' scale in pixels
        List<Integer> lines = redRows(a);
        assertThat(lines).hasSize(2);
        double pixelsPerUnit = (lines.get(1) - lines.get(0)) / (1.25 - 0.8);
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int changed = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    changed++;
                }
            }
        }
        // only the whisker changed: from 1.5 down to 0.6, not centred on the value 0.9
        assertThat(changed).isPositive();
        assertThat(top).isCloseTo((int) Math.round(lines.get(0) - (1.5 - 1.25) * pixelsPerUnit), within(3));
        assertThat(bottom).isCloseTo((int) Math.round(lines.get(1) + (0.8 - 0.6) * pixelsPerUnit), within(3));
        assertThat(redRows(b)).isEqualTo(lines);
    }
}
