package org.trustml.modelcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any card written as JSON or YAML reads back as the same record, follows MCT's final v0.0.2 schema
 * revision, and renders without raw user HTML.
 */
class CardRoundTripProperties {

    @Property(tries = 200)
    void jsonAndYamlRoundTrip(@ForAll("cards") ModelCard card) {
        assertThat(ModelCards.parse(ModelCards.toJson(card), CardFormat.JSON)).isEqualTo(card);
        assertThat(ModelCards.parse(ModelCards.toYaml(card), CardFormat.YAML)).isEqualTo(card);
    }

    @Property(tries = 200)
    void whatTrustmlWritesFollowsTheFinalSchemaRevision(@ForAll("cards") ModelCard card) {
        assertThat(ModelCardSchema.mct002().validate(ModelCards.toJson(card), CardFormat.JSON).errors()).isEmpty();
        assertThat(ModelCardSchema.mct002().validate(ModelCards.toYaml(card), CardFormat.YAML).errors()).isEmpty();
    }

    @Property(tries = 100)
    void renderedHtmlNeverContainsATagFromTheCard(@ForAll("cards") ModelCard card) {
        String html = CardRenderer.html(card);
        assertThat(html).doesNotContain("<x-user");
        assertThat(CardRenderer.markdown(card)).doesNotContain("<x-user");
    }

    @Provide
    Arbitrary<ModelCard> cards() {
        Arbitrary<Optional<String>> text = Arbitraries.oneOf(
                // any text but lone surrogates (not Unicode text, so not writable as UTF-8 YAML)
                Arbitraries.strings().all().ofMaxLength(30).filter(s -> s.codePoints().noneMatch(
                        cp -> Character.isSurrogate((char) cp) && cp < 0x10000)),
                Arbitraries.of("yes", "no", "null", "~", "0.5", "1e3", "- a", "a: b", "#c", "'q'", "\"d\"", "<x-user>",
                        "line\nbreak", "a\u0085b", "a\nb\u0085c", "\uFEFFbom", " lead", "trail ", "*a", "&b", "!tag", "%", "@", "`"))
                .optional();
        // a value is text: a number as MCT writes it, or any text (MCT writes "0.1, 0.5" for a list)
        Arbitrary<Optional<String>> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6).map(v -> Optional.of(PerformanceMetric.of("m", v).value().get())),
                text);
        Arbitrary<Optional<ConfidenceInterval>> interval = Arbitraries.doubles().between(-1, 1).list().ofSize(2)
                .map(b -> ConfidenceInterval.of(Math.min(b.get(0), b.get(1)), Math.max(b.get(0), b.get(1)))).optional();
        Arbitrary<PerformanceMetric> metric = Combinators.combine(text, value, text, interval).as(PerformanceMetric::new);
        Arbitrary<KeyVal> keyVal = Combinators.combine(text, text).as(KeyVal::new);
        Arbitrary<Owner> owner = Combinators.combine(text, text).as(Owner::new);
        Arbitrary<Risk> risk = Combinators.combine(text, text).as(Risk::new);
        Arbitrary<ModelDetails> details = Combinators.combine(text, text, text, owner.list().ofMaxSize(3), text)
                .as((n, o, doc, owners, path) -> new ModelDetails(n, o, doc, owners, Optional.empty(),
                        List.of(License.spdx("MIT")), List.of(), List.of(), path));
        Arbitrary<ModelParameters> parameters = Combinators.combine(text, keyVal.list().ofMaxSize(2), keyVal.list().ofMaxSize(2))
                .as((arch, in, out) -> new ModelParameters(arch, List.of(), Optional.empty(), in, Optional.empty(), out));
        return Combinators.combine(details, metric.list().ofMaxSize(4), risk.list().ofMaxSize(2), parameters)
                .as((d, ms, risks, params) -> ModelCard.empty()
                        .withModelDetails(d)
                        .withModelParameters(params)
                        .withQuantitativeAnalysis(new QuantitativeAnalysis(ms, Optional.empty()))
                        .withConsiderations(new Considerations(List.of(), List.of(), List.of(), List.of(), risks)));
    }
}
