package dev.waagent.domain.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something a tenant rents or sells, as the agent sees it.
 *
 * @param aliases    informal names customers use ("a7s3", "fx 3", "inova reborn")
 * @param price      in {@code currency}, per {@code priceUnit}; {@code null} when the price is on request
 * @param stock      units the business has (not a live availability calendar)
 * @param attributes scalar facts (mount, sensor, year, mileage…) as text
 */
public record CatalogItem(
        String id,
        String tenantId,
        String sku,
        String name,
        List<String> aliases,
        String category,
        BigDecimal price,
        String currency,
        PriceUnit priceUnit,
        int stock,
        Availability availability,
        Map<String, String> attributes,
        String imageUrl,
        long version) {

    public CatalogItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        category = category == null ? "" : category;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        availability = availability == null ? Availability.IN_STOCK : availability;
        priceUnit = priceUnit == null ? PriceUnit.PER_ITEM : priceUnit;
    }
}
