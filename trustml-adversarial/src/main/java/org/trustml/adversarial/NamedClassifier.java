package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

/** The name and output kind every classifier carries. */
abstract class NamedClassifier implements Classifier {
    private final String name;
    private final ClassifierOutput outputKind;

    NamedClassifier(String name, ClassifierOutput outputKind) {
        this.name = requireNonNull(name, "name");
        this.outputKind = requireNonNull(outputKind, "outputKind");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ClassifierOutput outputKind() {
        return outputKind;
    }
}
