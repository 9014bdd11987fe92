package dev.waagent.backoffice.input;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON object field by field, strictly: unknown fields, wrong types and non-scalar values are reported
 * to {@link Problems} with the row and field, instead of being ignored or failing at the first one.
 */
public final class JsonFields {

    private final JsonNode object;
    private final Integer row;
    private final Problems problems;
    private final String prefix;

    /** @param allowed every field this object may carry; any other is reported as unknown */
    public JsonFields(JsonNode node, @Nullable Integer row, Problems problems, Set<String> allowed) {
        this(node, row, problems, allowed, "");
    }

    private JsonFields(JsonNode node, @Nullable Integer row, Problems problems, Set<String> allowed, String prefix) {
        this.row = row;
        this.problems = problems;
        this.prefix = prefix;
        if (node == null || !node.isObject()) {
            problems.add(row, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "must be a JSON object");
            this.object = JsonNode.createObjectNode(Map.of());
            return;
        }
        this.object = node;
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            if (!allowed.contains(field.getKey())) {
                problems.add(row, prefix + field.getKey(), "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    public boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    public @Nullable String string(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(row, prefix + field, "must be a string");
            return null;
        }
        return value.getStringValue();
    }

    /** An array of strings; a single string is accepted as a one-item list. Missing → empty. */
    public List<String> strings(String field) {
        JsonNode value = object.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isString()) {
            out.add(value.getStringValue());
            return out;
        }
        if (!value.isArray()) {
            problems.add(row, prefix + field, "must be an array of strings");
            return out;
        }
        int i = 0;
        for (JsonNode item : value.values()) {
            if (item.isString()) {
                out.add(item.getStringValue());
            } else {
                problems.add(row, prefix + field + "[" + i + "]", "must be a string");
            }
            i++;
        }
        return out;
    }

    public @Nullable Integer integer(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(row, prefix + field, "must be a whole number");
            return null;
        }
        BigDecimal number = value.getBigDecimalValue();
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            problems.add(row, prefix + field, "must be a whole number");
            return null;
        }
    }

    public @Nullable BigDecimal decimal(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.getBigDecimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.getStringValue().strip());
            } catch (NumberFormatException e) {
                problems.add(row, prefix + field, "must be a number");
                return null;
            }
        }
        problems.add(row, prefix + field, "must be a number");
        return null;
    }

    public @Nullable Double number(String field) {
        BigDecimal value = decimal(field);
        return value == null ? null : value.doubleValue();
    }

    public @Nullable Boolean bool(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(row, prefix + field, "must be true or false");
            return null;
        }
        return value.getBooleanValue();
    }

    /** An object of scalar values, kept as text ({@code "megapixels": 12.1} → "12.1"). Missing → empty. */
    public Map<String, String> scalarMap(String field) {
        JsonNode value = object.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(row, prefix + field, "must be an object of text, number or boolean values");
            return out;
        }
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            JsonNode item = entry.getValue();
            if (item.isString()) {
                out.put(entry.getKey(), item.getStringValue());
            } else if (item.isNumber()) {
                out.put(entry.getKey(), item.getBigDecimalValue().stripTrailingZeros().toPlainString());
            } else if (item.isBoolean()) {
                out.put(entry.getKey(), Boolean.toString(item.getBooleanValue()));
            } else {
                problems.add(row, prefix + field + "." + entry.getKey(), "must be text, a number or a boolean");
            }
        }
        return out;
    }

    /** A nested object, read with its own allowed fields (null when absent). */
    public @Nullable JsonFields object(String field, Set<String> allowed) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return new JsonFields(value, row, problems, allowed, prefix + field + ".");
    }
}
