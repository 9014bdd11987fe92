package dev.waagent.domain.catalog;

/** Published after a tenant's catalog changed, so an index in the same process refreshes at once. */
public record CatalogChanged(String tenantId) {
}
