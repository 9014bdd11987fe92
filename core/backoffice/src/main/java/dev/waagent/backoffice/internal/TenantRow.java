package dev.waagent.backoffice.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code tenants}. Lists and maps are JSON text ({@link JsonColumns}). */
@MappedEntity(value = "tenants", escape = false)
public record TenantRow(
        @Id String id,
        String name,
        String channel,
        String phoneNumberId,
        @Nullable String wabaId,
        @Nullable String displayPhoneNumber,
        @Nullable String appSecretRef,
        @Nullable String accessTokenRef,
        String timezone,
        String businessHours,
        String languages,
        String businessFacts,
        String status,
        long knowledgeRevision,
        long catalogRevision,
        Instant createdAt,
        Instant updatedAt) {
}
