package org.trustml.modelcard.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson configuration for model cards, built once (immutable and thread-safe afterwards).
 *
 * <p>Absent optionals and empty lists are left out (as MCT's own {@code to_json} does), so a card
 * written and read back is the same record. Reading is strict: unknown properties and scalar
 * coercions ({@code "0.9"} for a number) fail.
 *
 * <p>Cards are read through {@link #yamlParser} and {@link #jsonParser}, with the largest size and nesting the
 * caller allows (a card's {@code CardLimits}): SnakeYAML's loader options ({@code codePointLimit},
 * {@code nestingDepthLimit}) and Jackson's read constraints follow them, and aliases
 * ({@code maxAliasesForCollections} 0), recursive keys and duplicate keys are refused. Jackson streams
 * SnakeYAML's parser events and never runs its composer, so of these only {@code codePointLimit} acts while
 * reading; the card reader ({@code org.trustml.modelcard.LocatedTreeReader}) enforces the byte, depth and
 * node limits itself and refuses every alias. The shared {@link #yaml()} mapper is for writing; reading with
 * it refuses the same constructs, within SnakeYAML's and Jackson's default sizes.
 */
public final class CardMappers {
    private static final JsonMapper JSON = configure(JsonMapper.builder()).build();
    private static final YAMLMapper YAML = configure(YAMLMapper.builder(
            yamlBuilder(loaderOptions(), StreamReadConstraints.defaults()).build()))
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // every string double-quoted: plain and literal-block scalars cannot carry every character
            // (U+0085 breaks a literal block; 1e3 reads back as a number), found by CardRoundTripProperties
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            // multi-line strings as double-quoted "\n" escapes, not literal blocks: a literal block
            // cannot carry U+0085 and some whitespace exactly (found by CardRoundTripProperties)
            .disable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private CardMappers() {}

    /** The JSON mapper. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The YAML mapper for writing cards: every string double-quoted, block style. */
    public static YAMLMapper yaml() {
        return YAML;
    }

    /**
     * A parser over a whole YAML card held in memory, in linear time ({@link WholeTextStreamReader}), with
     * SnakeYAML's code point limit and Jackson's read constraints set from {@code maxBytes} and {@code maxDepth}.
     */
    public static JsonParser yamlParser(String text, long maxBytes, int maxDepth) {
        return new WholeTextYamlFactory(yamlBuilder(loaderOptions(maxBytes, maxDepth), constraints(maxBytes, maxDepth)))
                .parser(text);
    }

    /**
     * A parser over a JSON card, with Jackson's read constraints set from {@code maxBytes} and {@code maxDepth}
     * (Jackson's own default string cap is 20 M chars).
     */
    public static JsonParser jsonParser(String text, long maxBytes, int maxDepth) throws IOException {
        return JsonFactory.builder().streamReadConstraints(constraints(maxBytes, maxDepth)).build().createParser(text);
    }

    private static StreamReadConstraints constraints(long maxBytes, int maxDepth) {
        return StreamReadConstraints.builder().maxStringLength((int) maxBytes).maxDocumentLength(maxBytes)
                .maxNestingDepth(maxDepth + 1).build();
    }

    /** No aliases, recursive keys or duplicate keys; SnakeYAML's default sizes. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static LoaderOptions loaderOptions(long maxBytes, int maxDepth) {
        LoaderOptions options = loaderOptions();
        options.setCodePointLimit((int) maxBytes); // a code point takes at least one UTF-8 byte
        options.setNestingDepthLimit(maxDepth);
        return options;
    }

    private static YAMLFactoryBuilder yamlBuilder(LoaderOptions options, StreamReadConstraints constraints) {
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints)
                .stringQuotingChecker(new QuoteNextLine());
    }

    /**
     * Quotes strings holding a control character, U+0085 (NEXT LINE) or U+2028/U+2029 too: YAML 1.1
     * readers treat some as line breaks in a plain scalar, so they would not read back; and any string that a reader could take for a number
     * ({@code 1e3}, {@code .5}, {@code +1}, {@code 1_000}, {@code 0x1F}, {@code .inf}), which Jackson's
     * own check lets through (both found by {@code CardRoundTripProperties}).
     */
    private static final class QuoteNextLine extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final java.util.regex.Pattern NUMBER_LIKE = java.util.regex.Pattern.compile(
                "[-+]?(\\.[0-9_]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
                        + "|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            return value.chars().anyMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029)
                    || NUMBER_LIKE.matcher(value).matches() || super.needToQuoteValue(value);
        }
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B b) {
        return b.addModule(new Jdk8Module())
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .withConfigOverride(List.class, o -> o.setInclude(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY)))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
