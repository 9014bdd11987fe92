package dev.waagent.domain.knowledge;

import java.util.Optional;

/** Reads a tenant's agent configuration. The worker's implementation caches (5 minutes, refreshed by version). */
public interface AgentConfigurations {

    Optional<AgentConfiguration> forTenant(String tenantId);
}
