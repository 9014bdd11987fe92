package dev.waagent.backoffice.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code api_keys}: the key's public id, its scopes, and a salted hash of its secret. */
@MappedEntity(value = "api_keys", escape = false)
public record ApiKeyRow(@Id String id, String tenantId, String name, String scopes, byte[] salt, byte[] secretHash,
                        Instant createdAt, @Nullable Instant revokedAt) {
}
