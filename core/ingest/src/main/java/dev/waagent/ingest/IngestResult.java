package dev.waagent.ingest;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the webhook answers. {@code status} is the HTTP status; a 200 carries counts, anything else an error.
 */
@Serdeable
public record IngestResult(int status, String error, String message, int messages, int duplicates, int statuses,
                           int notices, int dropped) {

    static IngestResult rejected(int status, String error, String message) {
        return new IngestResult(status, error, message, 0, 0, 0, 0, 0);
    }

    public boolean accepted() {
        return status == 200;
    }
}
