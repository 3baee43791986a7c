package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CoalitionGame#image}: a coalition keeps its superpixels and fills the others ({@link MaskedImages}, as
 * LIME hides them); its value is the model's output row on that one image.
 */
final class ImageGame extends ModelGame {
    private final BatchModel model;
    private final MaskedImages images;
    private final OutputKind kind;
    private final int batchSize;

    ImageGame(BatchModel model, RgbImage image, Segmentation segmentation, HideColor fill, OutputKind kind,
            int batchSize) {
        super(names(requireNonNull(segmentation, "segmentation")));
        this.model = requireNonNull(model, "model");
        requireNonNull(image, "image");
        this.images = new MaskedImages(image, segmentation, requireNonNull(fill, "fill"), false);
        this.kind = requireNonNull(kind, "kind");
        this.batchSize = Arguments.atLeast(1, "batch_size", batchSize, "at least one image per model call");
    }

    private static List<String> names(Segmentation segmentation) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < segmentation.count(); s++) {
            names.add("superpixel " + s);
        }
        return names;
    }

    @Override
    public double[][] values(List<boolean[]> coalitions) {
        if (coalitions.isEmpty()) {
            return new double[0][];
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            double[][] y = images.predict(model, coalitions.size(), (sample, segment) -> coalitions.get(sample)[segment],
                    batchSize, kind, manager);
            modelRows += y.length;
            if (outputs < 0) {
                outputs = y[0].length;
            } else if (y[0].length != outputs) {
                throw org.trustml.core.InvalidInputException.problem("changed width between calls")
                        .column("model output").value(y[0].length).expected(outputs + " outputs per row").build();
            }
            return y;
        }
    }
}
