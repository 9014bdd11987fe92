package dev.waagent.domain.summary;

import dev.waagent.domain.tenant.Tenant;

import java.util.List;

/** The providers to try for a tenant's summaries, cheapest first (the adapter knows models and prices). */
public interface SummaryRouting {

    List<String> cheapestFirst(Tenant tenant);

    /** Keeps the tenant's own order. */
    SummaryRouting TENANT_ORDER = Tenant::providerOrder;
}
