package org.trustml.modelcard;

import java.util.List;
import java.util.Optional;
import org.trustml.modelcard.internal.Texts;

/**
 * Metadata about the model ({@code model_details}).
 *
 * @param name          the model's name
 * @param overview      a one-line description
 * @param documentation a thorough description of the model and its usage
 * @param owners        who owns it
 * @param version       its version
 * @param licenses      its licenses
 * @param references    links with more information
 * @param citations     how to cite it
 * @param path          where the model is stored (added in MCT's final v0.0.2 revision)
 */
public record ModelDetails(
        Optional<String> name,
        Optional<String> overview,
        Optional<String> documentation,
        List<Owner> owners,
        Optional<Version> version,
        List<License> licenses,
        List<Reference> references,
        List<Citation> citations,
        Optional<String> path) {

    public ModelDetails {
        name = Texts.orEmpty(name);
        overview = Texts.orEmpty(overview);
        documentation = Texts.orEmpty(documentation);
        owners = Texts.copy(owners);
        version = Texts.orEmpty(version);
        licenses = Texts.copy(licenses);
        references = Texts.copy(references);
        citations = Texts.copy(citations);
        path = Texts.orEmpty(path);
    }

    /** Details without a {@link #path()}. */
    public ModelDetails(Optional<String> name, Optional<String> overview, Optional<String> documentation,
            List<Owner> owners, Optional<Version> version, List<License> licenses, List<Reference> references,
            List<Citation> citations) {
        this(name, overview, documentation, owners, version, licenses, references, citations, Optional.empty());
    }

    /** These details with the model's storage path. */
    public ModelDetails withPath(String modelPath) {
        return new ModelDetails(name, overview, documentation, owners, version, licenses, references, citations,
                Optional.ofNullable(modelPath));
    }

    /** Nothing known yet. */
    public static ModelDetails empty() {
        return new ModelDetails(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                List.of(), List.of(), List.of(), Optional.empty());
    }
}
