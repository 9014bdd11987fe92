package dev.waagent.scheduler;

import io.micronaut.serde.annotation.Serdeable;

/** The EventBridge schedule's input: {@code {"job": "<name>"}}. */
@Serdeable
public record JobRequest(String job) {
}
