package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.AgentConfigurationMapper;
import dev.waagent.backoffice.internal.AgentConfigurationRepository;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentConfigurations;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's view of agent configurations: kept for {@code wa.backoffice.agent-configuration-cache-ttl}
 * (5 minutes); after that one cheap version read decides whether to reload. Writes in this process invalidate
 * at once.
 */
@Singleton
public class CachedAgentConfigurations implements AgentConfigurations {

    private final AgentConfigurationRepository configurations;
    private final AgentConfigurationMapper mapper;
    private final TimeSource time;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CachedAgentConfigurations(AgentConfigurationRepository configurations, AgentConfigurationMapper mapper,
                                     TimeSource time, BackOfficeSettings settings) {
        this.configurations = configurations;
        this.mapper = mapper;
        this.time = time;
        this.ttl = settings.getAgentConfigurationCacheTtl();
    }

    @Override
    public Optional<AgentConfiguration> forTenant(String tenantId) {
        Instant now = time.now();
        Cached cached = cache.get(tenantId);
        if (cached != null && now.isBefore(cached.checkAfter())) {
            return Optional.of(cached.configuration());
        }
        if (cached != null) {
            Optional<Long> version = configurations.findVersionByTenantId(tenantId);
            if (version.isPresent() && version.get() == cached.configuration().version()) {
                cache.put(tenantId, new Cached(cached.configuration(), now.plus(ttl)));
                return Optional.of(cached.configuration());
            }
        }
        Optional<AgentConfiguration> loaded = configurations.findById(tenantId).map(mapper::toDomain);
        loaded.ifPresentOrElse(configuration -> cache.put(tenantId, new Cached(configuration, now.plus(ttl))),
                () -> cache.remove(tenantId));
        return loaded;
    }

    public void invalidate(String tenantId) {
        cache.remove(tenantId);
    }

    private record Cached(AgentConfiguration configuration, Instant checkAfter) {
    }
}
