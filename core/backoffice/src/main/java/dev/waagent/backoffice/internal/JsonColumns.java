package dev.waagent.backoffice.internal;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists and maps stored as JSON text columns (portable across H2 and PostgreSQL, unlike array or jsonb types). */
@Singleton
public class JsonColumns {

    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<Map<String, String>> STRING_MAP = Argument.mapOf(String.class, String.class);

    private final JsonMapper json;

    public JsonColumns(JsonMapper json) {
        this.json = json;
    }

    public String strings(List<String> values) {
        return write(values == null ? List.of() : values);
    }

    public List<String> strings(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        try {
            List<String> values = json.readValue(column, STRINGS);
            return values == null ? List.of() : List.copyOf(values);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON list column", e);
        }
    }

    public String map(Map<String, String> values) {
        return write(values == null ? Map.of() : new LinkedHashMap<>(values));
    }

    public Map<String, String> map(String column) {
        if (column == null || column.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> values = json.readValue(column, STRING_MAP);
            return values == null ? Map.of() : new LinkedHashMap<>(values);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON map column", e);
        }
    }

    public <T> String object(T value) {
        return write(value);
    }

    public <T> T object(String column, Class<T> type) {
        try {
            return json.readValue(column, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON column", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("value not writable as JSON", e);
        }
    }
}
