package dev.waagent.backoffice;

import dev.waagent.backoffice.input.Problems;
import dev.waagent.backoffice.internal.AgentConfigurationMapper;
import dev.waagent.backoffice.internal.AgentConfigurationRepository;
import dev.waagent.backoffice.internal.TenantRow;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.knowledge.AgentConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;

/**
 * Reads and replaces a tenant's agent configuration: validated on write ({@link AgentConfigurationCommand}),
 * {@code version} incremented, the runtime tenant projection (persona, provider order) republished in the same
 * transaction, and the worker-side cache told.
 */
@Singleton
public class AgentConfigurationService {

    private final AgentConfigurationRepository configurations;
    private final AgentConfigurationMapper mapper;
    private final TenantService tenants;
    private final CachedAgentConfigurations cache;
    private final TransactionOperations<Connection> transactions;
    private final TimeSource time;
    private final AnswerCacheInvalidation answers;

    public AgentConfigurationService(AgentConfigurationRepository configurations, AgentConfigurationMapper mapper,
                                     TenantService tenants, CachedAgentConfigurations cache,
                                     TransactionOperations<Connection> transactions, TimeSource time,
                                     AnswerCacheInvalidation answers) {
        this.configurations = configurations;
        this.mapper = mapper;
        this.tenants = tenants;
        this.cache = cache;
        this.transactions = transactions;
        this.time = time;
        this.answers = answers;
    }

    public AgentConfiguration get(String tenantId) {
        tenants.requireExists(tenantId);
        return configurations.findById(tenantId).map(mapper::toDomain)
                .orElseGet(() -> AgentConfiguration.defaults(tenantId, "Assistant"));
    }

    /**
     * Replaces the configuration.
     *
     * @throws ConflictException when {@code command.expectedVersion()} is given and is not the current version
     */
    public AgentConfiguration replace(String tenantId, AgentConfigurationCommand command) {
        TenantRow tenant = tenants.row(tenantId);
        Problems problems = new Problems();
        AgentConfigurationCommand.validate(command.configuration(), problems);
        problems.throwIfAny();
        AgentConfiguration saved = transactions.executeWrite(status -> {
            AgentConfiguration current = configurations.findById(tenantId).map(mapper::toDomain).orElse(null);
            long currentVersion = current == null ? 0 : current.version();
            checkVersion(command.expectedVersion(), currentVersion);
            AgentConfiguration wanted = command.configuration();
            Instant now = now();
            AgentConfiguration next = new AgentConfiguration(tenantId, currentVersion + 1, wanted.agentName(),
                    wanted.personalityTraits(), wanted.tone(), wanted.personaNotes(), wanted.defaultModel(),
                    wanted.fallbackModels(), wanted.behaviouralRestrictions(), wanted.requiredDisclaimers(),
                    wanted.confidenceThreshold(), wanted.proactiveSuggestions(), wanted.spellingCorrection(),
                    wanted.richMessages(), wanted.handoffRules(), now);
            if (current == null) {
                configurations.save(mapper.toRow(next));
            } else {
                configurations.update(mapper.toRow(next));
            }
            tenants.publish(tenant);
            return next;
        });
        cache.invalidate(tenantId);
        answers.contentChanged(tenantId);
        return saved;
    }

    private static void checkVersion(@Nullable Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ConflictException("agent configuration is at version " + current + ", not " + expected
                    + " (someone changed it: GET it again)");
        }
    }

    /** Databases keep microseconds: what is returned must equal what a later read gives. */
    private Instant now() {
        return time.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
