package org.trustml.modelcard;

import java.util.Optional;
import org.trustml.modelcard.internal.Texts;

/**
 * A key-value pair ({@code keyval} in MCT's final v0.0.2 schema), an entry of
 * {@code model_parameters.input_format_map} or {@code output_format_map}, e.g. key {@code image},
 * value {@code float32[1, 224, 224]}.
 *
 * @param key   the key
 * @param value its value
 */
public record KeyVal(Optional<String> key, Optional<String> value) {
    public KeyVal {
        key = Texts.orEmpty(key);
        value = Texts.orEmpty(value);
    }

    /** A pair; either may be null for absent. */
    public static KeyVal of(String key, String value) {
        return new KeyVal(Optional.ofNullable(key), Optional.ofNullable(value));
    }
}
