package org.trustml.vision.images;

import static java.util.Objects.requireNonNull;

import org.trustml.core.InvalidInputException;

/**
 * One class of an image dataset.
 *
 * @param index  the class index a model predicts (classes are sorted by label)
 * @param label  the label as it was in the data
 * @param folder the folder its images are in, under each split ({@link SafeNames#folder})
 */
public record ImageClass(int index, String label, String folder) {
    public ImageClass {
        if (index < 0) {
            throw InvalidInputException.problem("is not a class index").value(index).expected("an index >= 0").build();
        }
        requireNonNull(label, "label");
        requireNonNull(folder, "folder");
    }
}
