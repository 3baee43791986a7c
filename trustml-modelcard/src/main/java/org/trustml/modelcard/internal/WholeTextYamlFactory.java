package org.trustml.modelcard.internal;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Makes Jackson {@link YAMLParser}s that scan a card held in memory with {@link WholeTextStreamReader}
 * (linear time) instead of SnakeYAML's windowed reader (quadratic in the length of a scalar).
 * One factory per set of loader options; use {@link #parser(String)}.
 */
final class WholeTextYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    WholeTextYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    /** A parser over the whole text, with this factory's loader options. */
    YAMLParser parser(String text) {
        IOContext context = _createContext(_createContentReference(text), false);
        ParserImpl events = new ParserImpl(new WholeTextStreamReader(text), _loaderOptions);
        return new YAMLParser(context, _parserFeatures, _yamlParserFeatures, _objectCodec, Reader.nullReader(), events) {};
    }
}
