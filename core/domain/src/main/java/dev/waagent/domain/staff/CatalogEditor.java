package dev.waagent.domain.staff;

import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;

import java.math.BigDecimal;
import java.util.List;

/**
 * The catalog as staff commands read and change it ({@code /inventory}, {@code /status}, {@code /price}). The back
 * office implements it with the same service the admin API uses, so a change from WhatsApp bumps the item's
 * version and the tenant's catalog revision and is announced exactly like an admin edit.
 */
public interface CatalogEditor {

    /** The tenant's active items. */
    List<CatalogItem> items(String tenantId);

    /** @return the item as changed */
    CatalogItem setAvailability(String tenantId, String itemId, Availability availability);

    /**
     * Sets the price in the item's currency.
     *
     * @throws IllegalArgumentException when the item has no currency to price it in
     */
    CatalogItem setPrice(String tenantId, String itemId, BigDecimal price);
}
