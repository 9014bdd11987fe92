package dev.waagent.domain.catalog;

import java.util.List;

/** Where the catalog index reads a tenant's items from (the back office). */
public interface CatalogSource {

    /** Changes whenever any of the tenant's items is created, updated or deleted. */
    long catalogRevision(String tenantId);

    List<CatalogItem> activeItems(String tenantId);
}
