package dev.waagent.domain.tenant;

import java.util.List;
import java.util.Optional;

/** Finds tenants by the business number a message arrived on, or by id. Implementations cache. */
public interface TenantDirectory {

    Optional<Tenant> findByBusinessNumber(String channel, String businessNumberId);

    Optional<Tenant> findById(String tenantId);

    List<Tenant> findAll();

    /** Creates or replaces the tenant and its routing entry. */
    void save(Tenant tenant);
}
