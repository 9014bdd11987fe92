package dev.waagent.domain.tools;

import dev.waagent.domain.catalog.CatalogItem;

import java.math.BigDecimal;
import java.util.Optional;

/** An amount the catalog states (a unit price or a quote computed from it), with its currency. */
public record QuotedPrice(BigDecimal amount, String currency) {

    public static Optional<QuotedPrice> of(CatalogItem item) {
        return item.price() == null ? Optional.empty() : Optional.of(new QuotedPrice(item.price(), item.currency()));
    }

    public String formatted() {
        return Money.format(amount, currency);
    }
}
