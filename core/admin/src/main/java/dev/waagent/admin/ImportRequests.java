package dev.waagent.admin;

import dev.waagent.backoffice.ImportFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.util.Optional;

/** Which import format a request's Content-Type names. */
final class ImportRequests {

    static final String CSV = "text/csv";

    private ImportRequests() {
    }

    static Optional<ImportFormat> format(@Nullable MediaType contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.getName();
        if (type.equals(MediaType.APPLICATION_JSON)) {
            return Optional.of(ImportFormat.JSON);
        }
        if (type.equals(CSV) || type.equals("application/csv")) {
            return Optional.of(ImportFormat.CSV);
        }
        return Optional.empty();
    }
}
