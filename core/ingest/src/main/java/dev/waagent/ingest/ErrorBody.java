package dev.waagent.ingest;

import io.micronaut.serde.annotation.Serdeable;

/** The JSON of every error answer: a stable machine code and a sentence for people. */
@Serdeable
public record ErrorBody(String error, String message) {
}
