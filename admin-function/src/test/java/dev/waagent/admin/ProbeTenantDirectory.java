package dev.waagent.admin;

import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.dynamodb.DynamoDbTenantDirectory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The probe has no DynamoDB: tenants are published to memory. */
@Singleton
@Replaces(DynamoDbTenantDirectory.class)
@Requires(property = "wa.probe", value = "true")
public class ProbeTenantDirectory implements TenantDirectory {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

    @Override
    public Optional<Tenant> findByBusinessNumber(String channel, String businessNumberId) {
        return tenants.values().stream().filter(t -> t.businessNumberId().equals(businessNumberId)).findFirst();
    }

    @Override
    public Optional<Tenant> findById(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public List<Tenant> findAll() {
        return new ArrayList<>(tenants.values());
    }

    @Override
    public void save(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }
}
