package dev.waagent.backoffice.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code catalog_items}. */
@MappedEntity(value = "catalog_items", escape = false)
public record CatalogRow(
        @Id String id,
        String tenantId,
        String sku,
        String name,
        String aliases,
        String category,
        @Nullable BigDecimal price,
        String currency,
        String priceUnit,
        int stock,
        String availability,
        String attributes,
        @Nullable String imageUrl,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
