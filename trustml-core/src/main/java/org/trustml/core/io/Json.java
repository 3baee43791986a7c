package org.trustml.core.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;

/**
 * The one Jackson configuration trustml uses for records: Java time as ISO-8601 strings,
 * {@code Optional}s as their value or absent, absent values left out, map keys sorted so that
 * the same record always gives the same bytes. Readers and writers are immutable and thread-safe.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private Json() {}

    /** Pretty-printing writer. */
    public static ObjectWriter writer() {
        return MAPPER.writerWithDefaultPrettyPrinter();
    }

    /** Compact single-line writer. */
    public static ObjectWriter compactWriter() {
        return MAPPER.writer();
    }

    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    /** Reader for one type. */
    public static ObjectReader readerFor(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    /** The value as a JSON tree. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The value as pretty-printed JSON. */
    public static String toJson(Object value) {
        try {
            return writer().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Reads a file written by {@link #writer()} as {@code type}. A missing file, invalid JSON or JSON of
     * another shape is an {@link InvalidInputException} naming the file, the line and {@code expected}.
     */
    public static <T> T read(Path file, Class<T> type, String expected) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.problem("does not exist").file(file).expected(expected).build();
        }
        try {
            return MAPPER.readerFor(type).readValue(file.toFile());
        } catch (JsonMappingException e) {
            throw InvalidInputException.problem("is not a " + type.getSimpleName() + ": " + e.getOriginalMessage())
                    .file(file).line(e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    .expected(expected).build(e);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.problem("is not valid JSON: " + e.getOriginalMessage())
                    .file(file).line(e.getLocation() == null ? 0 : e.getLocation().getLineNr()).build(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
