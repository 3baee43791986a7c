package org.trustml.adversarial;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a classifier's outputs are, which decides how the cross-entropy loss is taken. */
public enum ClassifierOutput {
    /** Unnormalised scores z: loss = −log softmax(z)[y] (softmax applied inside the loss, as torch's cross_entropy). */
    LOGITS,
    /** Probabilities p (softmax already applied by the model): loss = −log p[y]. */
    PROBABILITIES;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
