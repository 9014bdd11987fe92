package dev.waagent.backoffice;

import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.PriceUnit;
import dev.waagent.domain.staff.CatalogEditor;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;

/**
 * Staff commands change the catalog through {@link CatalogService}, exactly as an admin edit does: validated, the
 * item's version checked and bumped, the tenant's catalog revision bumped and {@code CatalogChanged} announced
 * after commit (the fuzzy matcher re-indexes, cached answers stop matching).
 * <p>
 * Only where the back-office login may write: {@code wa.staff.catalog-edits=false} turns it off (the worker reads
 * the back office read-only by default; staff then get "use the admin API" for {@code /status} and {@code /price}).
 */
@Singleton
@Requires(property = "wa.staff.catalog-edits", notEquals = "false")
public class BackOfficeCatalogEditor implements CatalogEditor {

    private final CatalogService catalog;

    public BackOfficeCatalogEditor(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public CatalogItem setAvailability(String tenantId, String itemId, Availability availability) {
        return change(tenantId, itemId, command -> new CatalogItemCommand(command.sku(), command.name(), command.aliases(),
                command.category(), command.price(), command.currency(), command.priceUnit(), command.stock(), availability,
                command.attributes(), command.imageUrl(), command.active(), command.expectedVersion()));
    }

    @Override
    public CatalogItem setPrice(String tenantId, String itemId, BigDecimal price) {
        return change(tenantId, itemId, command -> {
            if (command.currency() == null || command.currency().isBlank()) {
                throw new IllegalArgumentException("the item has no currency");
            }
            return new CatalogItemCommand(command.sku(), command.name(), command.aliases(), command.category(), price,
                    command.currency(), command.priceUnit(), command.stock(), command.availability(), command.attributes(),
                    command.imageUrl(), command.active(), command.expectedVersion());
        });
    }

    private CatalogItem change(String tenantId, String itemId, UnaryOperator<CatalogItemCommand> edit) {
        CatalogItemView current = catalog.get(tenantId, itemId);
        CatalogItemCommand command = new CatalogItemCommand(current.sku(), current.name(), current.aliases(),
                current.category(), current.price(), current.currency() == null || current.currency().isBlank() ? null
                : current.currency(), PriceUnit.parse(current.priceUnit()).orElse(PriceUnit.PER_ITEM), current.stock(),
                Availability.parse(current.availability()).orElse(Availability.IN_STOCK), current.attributes(),
                current.imageUrl(), current.active(), current.version());
        try {
            catalog.update(tenantId, itemId, edit.apply(command));
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return catalog.activeItems(tenantId).stream().filter(item -> item.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("item " + itemId + " is no longer active"));
    }
}
