package dev.waagent.admin;

import dev.waagent.backoffice.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Every admin error answer: a stable machine code, a sentence for people and, for bad input, each problem with its
 * row (imports) and field. Imports that were refused also say how many rows were imported (0) and rejected.
 */
@Serdeable
public record AdminError(String error, String message, @Nullable List<FieldError> errors, @Nullable Integer imported,
                         @Nullable Integer rejected) {

    public static AdminError of(String error, String message) {
        return new AdminError(error, message, null, null, null);
    }
}
