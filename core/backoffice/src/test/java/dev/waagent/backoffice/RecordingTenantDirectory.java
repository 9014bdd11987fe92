package dev.waagent.backoffice;

import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The webhook's tenant directory, in memory: records what the back office publishes, and can be made to fail. */
@Singleton
@Requires(env = "backoffice-test")
public class RecordingTenantDirectory implements TenantDirectory {

    final Map<String, Tenant> saved = new ConcurrentHashMap<>();
    volatile boolean failing;

    @Override
    public Optional<Tenant> findByBusinessNumber(String channel, String businessNumberId) {
        return saved.values().stream().filter(t -> t.channel().equals(channel) && t.businessNumberId().equals(businessNumberId)).findFirst();
    }

    @Override
    public Optional<Tenant> findById(String tenantId) {
        return Optional.ofNullable(saved.get(tenantId));
    }

    @Override
    public List<Tenant> findAll() {
        return new ArrayList<>(saved.values());
    }

    @Override
    public void save(Tenant tenant) {
        if (failing) {
            throw new IllegalStateException("DynamoDB unavailable");
        }
        saved.put(tenant.id(), tenant);
    }
}
