package dev.waagent.domain.staff;

import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;

import java.math.BigDecimal;

/**
 * The catalog as staff commands change it ({@code /status}, {@code /price}; {@code /inventory} reads the
 * {@link dev.waagent.domain.catalog.CatalogSource}). The back office implements it with the same service the admin API uses, so a change from WhatsApp bumps the item's
 * version and the tenant's catalog revision and is announced exactly like an admin edit.
 */
public interface CatalogEditor {

    /** @return the item as changed */
    CatalogItem setAvailability(String tenantId, String itemId, Availability availability);

    /**
     * Sets the price in the item's currency.
     *
     * @throws IllegalArgumentException when the item has no currency to price it in
     */
    CatalogItem setPrice(String tenantId, String itemId, BigDecimal price);
}
