package dev.waagent.infra.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A typed, validated set of environment variables for one function. */
public final class FunctionEnvironment {

    private final Map<EnvVar, String> values;

    private FunctionEnvironment(Map<EnvVar, String> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<EnvVar, String> values() {
        return values;
    }

    /** The map handed to the Lambda function, in a stable order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, value) -> map.put(key.name(), value));
        return map;
    }

    public static final class Builder {
        private final Map<EnvVar, String> values = new EnumMap<>(EnvVar.class);

        private Builder() {
        }

        /** Sets a variable. Values may be CDK tokens (table names, queue URLs) but never blank. */
        public Builder put(EnvVar name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("environment variable " + name + " must not be blank");
            }
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("environment variable " + name + " set twice");
            }
            values.put(name, value);
            return this;
        }

        public Builder putAll(FunctionEnvironment other) {
            other.values.forEach(this::put);
            return this;
        }

        public FunctionEnvironment build() {
            return new FunctionEnvironment(values);
        }
    }
}
