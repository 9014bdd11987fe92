package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A catalog item as the admin API returns it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record CatalogItemView(
        String id,
        String sku,
        String name,
        List<String> aliases,
        String category,
        @Nullable BigDecimal price,
        String currency,
        String priceUnit,
        int stock,
        String availability,
        Map<String, String> attributes,
        @Nullable String imageUrl,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
