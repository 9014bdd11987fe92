package dev.waagent.backoffice.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code staff_members}. */
@MappedEntity(value = "staff_members", escape = false)
public record StaffRow(@Id String id, String tenantId, String waId, String name, String staffRole, Instant createdAt,
                       Instant updatedAt) {
}
