package org.trustml.vision.images;


/** The three parts of a dataset, with the folder name each has under the dataset's root. */
public enum Split {
    /** Fitted on. */
    TRAIN("train"),
    /** Used to choose a checkpoint and stop early. */
    VALIDATION("val"),
    /** Held out until evaluation. */
    TEST("test");

    private final String folder;

    Split(String folder) {
        this.folder = folder;
    }

    /** The folder name: {@code train}, {@code val} or {@code test}. */
    public String folder() {
        return folder;
    }
}
