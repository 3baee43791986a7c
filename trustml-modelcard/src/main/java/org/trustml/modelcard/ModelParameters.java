package org.trustml.modelcard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.trustml.modelcard.internal.Texts;

/**
 * How the model was built ({@code model_parameters}).
 *
 * @param modelArchitecture the architecture, e.g. {@code ResNet-18}
 * @param data              the datasets it was trained and evaluated on
 * @param inputFormat       what it takes
 * @param inputFormatMap    what it takes, as key-value pairs (added in MCT's final v0.0.2 revision)
 * @param outputFormat      what it returns
 * @param outputFormatMap   what it returns, as key-value pairs (likewise)
 */
public record ModelParameters(
        @JsonProperty("model_architecture") Optional<String> modelArchitecture,
        List<Dataset> data,
        @JsonProperty("input_format") Optional<String> inputFormat,
        @JsonProperty("input_format_map") List<KeyVal> inputFormatMap,
        @JsonProperty("output_format") Optional<String> outputFormat,
        @JsonProperty("output_format_map") List<KeyVal> outputFormatMap) {

    public ModelParameters {
        modelArchitecture = Texts.orEmpty(modelArchitecture);
        data = Texts.copy(data);
        inputFormat = Texts.orEmpty(inputFormat);
        inputFormatMap = Texts.copy(inputFormatMap);
        outputFormat = Texts.orEmpty(outputFormat);
        outputFormatMap = Texts.copy(outputFormatMap);
    }

    /** Parameters without the format maps. */
    public ModelParameters(Optional<String> modelArchitecture, List<Dataset> data, Optional<String> inputFormat,
            Optional<String> outputFormat) {
        this(modelArchitecture, data, inputFormat, List.of(), outputFormat, List.of());
    }

    public static ModelParameters empty() {
        return new ModelParameters(Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /** These parameters with input and output format maps. */
    public ModelParameters withFormatMaps(List<KeyVal> inputs, List<KeyVal> outputs) {
        return new ModelParameters(modelArchitecture, data, inputFormat, inputs, outputFormat, outputs);
    }
}
