package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import did. Imports are all-or-nothing per file: either every row was imported ({@code rejected} 0), or
 * none was and {@code errors} names each bad row and field (at most 200 listed; {@code rejected} counts the rows).
 *
 * @param ids the ids of the imported (or, for a catalog, created or updated) records, in file order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ImportReport(int imported, int rejected, List<FieldError> errors, List<String> ids) {

    public static ImportReport imported(List<String> ids) {
        return new ImportReport(ids.size(), 0, List.of(), List.copyOf(ids));
    }
}
