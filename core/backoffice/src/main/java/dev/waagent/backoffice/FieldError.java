package dev.waagent.backoffice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with the input.
 *
 * @param row   1-based row of an import file (the CSV line after the header, or the JSON array position); null for a single object
 * @param field the field (JSON name or CSV column) at fault; empty when the whole row or file is
 */
@Serdeable
public record FieldError(@Nullable Integer row, String field, String message) {

    @Override
    public String toString() {
        return (row == null ? "" : "row " + row + ": ") + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
