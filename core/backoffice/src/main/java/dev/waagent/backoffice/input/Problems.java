package dev.waagent.backoffice.input;

import dev.waagent.backoffice.FieldError;
import dev.waagent.backoffice.InvalidInputException;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input before anything is written, so one answer names them all. */
public final class Problems {

    /** An import with thousands of bad rows reports this many; the count says the rest. */
    public static final int MAX_REPORTED = 200;

    private final List<FieldError> errors = new ArrayList<>();
    private int total;

    public void add(@Nullable Integer row, String field, String message) {
        total++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(new FieldError(row, field, message));
        }
    }

    public void check(boolean ok, @Nullable Integer row, String field, String message) {
        if (!ok) {
            add(row, field, message);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public int total() {
        return total;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Rows with at least one problem. */
    public long rowsWithProblems() {
        return errors.stream().map(FieldError::row).filter(java.util.Objects::nonNull).distinct().count();
    }

    public void throwIfAny() {
        if (total > 0) {
            throw new InvalidInputException(errors);
        }
    }

    /** Checks the length of a text that may be null; {@code required} also refuses null and blank. */
    public void text(@Nullable String value, boolean required, int maxLength, @Nullable Integer row, String field) {
        if (value == null || value.isBlank()) {
            check(!required, row, field, "is required");
            return;
        }
        check(value.length() <= maxLength, row, field, "is longer than " + maxLength + " characters");
    }

    public void texts(List<String> values, int maxItems, int maxLength, @Nullable Integer row, String field) {
        check(values.size() <= maxItems, row, field, "has more than " + maxItems + " items");
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                add(row, field + "[" + i + "]", "must not be blank");
            } else if (value.length() > maxLength) {
                add(row, field + "[" + i + "]", "is longer than " + maxLength + " characters");
            }
        }
    }
}
