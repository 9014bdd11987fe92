package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;

@JsonInclude(JsonInclude.Include.ALWAYS)

@Serdeable(naming = SnakeCaseStrategy.class)
public record StaffView(String id, String waId, String name, String role, Instant createdAt, Instant updatedAt) {
}
