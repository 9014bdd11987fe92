package dev.waagent.whatsapp.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/** Small, null-tolerant helpers over Jackson trees, shared by the parser, the error model and the payload builders. */
public final class Json {

    /**
     * One mapper for the module. Trailing tokens fail (a body with garbage after the JSON is not what Meta sends);
     * decimals stay {@link java.math.BigDecimal} so coordinates and prices keep the digits Meta sent; parse errors
     * never quote the source, so customer text cannot leak into an exception message or a log line.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /** The scalar value as text: strings as sent, numbers in plain notation, booleans; {@code null} for anything else. */
    public static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        return node.asText();
    }

    /** {@code parent.field} as text, or {@code null} when the parent or the field is absent or not a scalar. */
    public static String text(JsonNode parent, String field) {
        return parent == null ? null : scalar(parent.get(field));
    }

    /** Like {@link #text} but blank values count as absent. */
    public static String nonBlank(JsonNode parent, String field) {
        String value = text(parent, field);
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code parent.field} when it is an object, else {@code null}. */
    public static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isObject() ? node : null;
    }

    /** {@code parent.field} when it is an array, else {@code null}. */
    public static JsonNode array(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        return node != null && node.isArray() ? node : null;
    }

    /** An integer field given as a JSON number or a numeric string. */
    public static Optional<Integer> integer(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(node.intValue());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(node.textValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Epoch seconds, given by Meta as a string (usually) or a number (some SDK fixtures). */
    public static Optional<Instant> epochSeconds(JsonNode parent, String field) {
        String value = text(parent, field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The first argument that is neither null nor blank. */
    public static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
