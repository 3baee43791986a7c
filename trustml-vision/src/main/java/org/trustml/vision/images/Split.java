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

    /**
     * The split whose folder is {@code name} ({@code train}, {@code val}, {@code test}), as pipeline files name it;
     * another name is an {@link org.trustml.core.InvalidInputException} naming {@code field}.
     */
    public static Split ofFolder(String field, String name) {
        for (Split s : values()) {
            if (s.folder.equals(name)) {
                return s;
            }
        }
        throw org.trustml.core.InvalidInputException.problem("is not a split").column(field).value(name)
                .expected("train, val or test").build();
    }
}
