package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.AgentConfigurationMapper;
import dev.waagent.backoffice.internal.AgentConfigurationRepository;
import dev.waagent.backoffice.internal.JsonColumns;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.backoffice.internal.StaffRepository;
import dev.waagent.backoffice.internal.TenantRow;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tenants: the back office is their source of truth, and every write also publishes the runtime projection
 * ({@link TenantProjection}) to the {@link TenantDirectory} the webhook resolves tenants from (DynamoDB). The
 * projection is written inside the database transaction, last: if DynamoDB refuses it, nothing is committed.
 */
@Singleton
public class TenantService {

    private static final Logger LOG = LoggerFactory.getLogger(TenantService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Meta signs every app's webhooks with the app's secret: tenants of one app share it. */
    public static final String DEFAULT_APP_SECRET_REF = "meta-app-secret";

    private final TenantRepository tenants;
    private final AgentConfigurationRepository configurations;
    private final AgentConfigurationMapper configurationMapper;
    private final TenantProjection projection;
    private final StaffRepository staff;
    private final TenantDirectory directory;
    private final JsonColumns json;
    private final TransactionOperations<Connection> transactions;
    private final TimeSource time;
    private final AnswerCacheInvalidation answers;

    public TenantService(TenantRepository tenants, AgentConfigurationRepository configurations,
                         AgentConfigurationMapper configurationMapper, TenantProjection projection,
                         StaffRepository staff, TenantDirectory directory, JsonColumns json, TransactionOperations<Connection> transactions,
                         TimeSource time, AnswerCacheInvalidation answers) {
        this.tenants = tenants;
        this.configurations = configurations;
        this.configurationMapper = configurationMapper;
        this.projection = projection;
        this.staff = staff;
        this.directory = directory;
        this.json = json;
        this.transactions = transactions;
        this.time = time;
        this.answers = answers;
    }

    /** Creates a tenant with a default agent configuration. */
    public TenantView create(TenantCommand command) {
        return create(command, null);
    }

    /** Creates a tenant; {@code initialConfiguration} (validated) replaces the default one when given. */
    public TenantView create(TenantCommand command, AgentConfiguration initialConfiguration) {
        String id = command.id() != null ? command.id() : freeIdFor(command.name());
        if (command.id() != null && tenants.existsById(id)) {
            throw new ConflictException("tenant id " + id + " is already used");
        }
        requireNumberFree(command, id);
        Instant now = now();
        TenantRow row = new TenantRow(id, command.name(), command.channel(), command.phoneNumberId(), command.wabaId(),
                command.displayPhoneNumber(),
                command.appSecretRef() == null ? DEFAULT_APP_SECRET_REF : command.appSecretRef(),
                command.accessTokenRef() == null ? id + "-access-token" : command.accessTokenRef(),
                command.timezone(), json.map(command.businessHours()), json.strings(command.languages()),
                command.businessFacts(), command.status().wireName(), 0, 0, now, now);
        AgentConfiguration base = initialConfiguration == null
                ? AgentConfiguration.defaults(id, "Assistant") : initialConfiguration;
        AgentConfiguration configuration = new AgentConfiguration(id, 1, base.agentName(), base.personalityTraits(),
                base.tone(), base.personaNotes(), base.defaultModel(), base.fallbackModels(), base.behaviouralRestrictions(),
                base.requiredDisclaimers(), base.confidenceThreshold(), base.proactiveSuggestions(),
                base.spellingCorrection(), base.richMessages(), base.handoffRules(), now);
        try {
            transactions.executeWrite(status -> {
                tenants.save(row);
                configurations.save(configurationMapper.toRow(configuration));
                directory.save(projection.toRuntimeTenant(row, configuration, List.of()));
                return null;
            });
        } catch (DataAccessException e) {
            throw conflictOrRethrow(e, command);
        }
        LOG.info("tenant {} created", id);
        return projection.toView(row);
    }

    public List<TenantView> list() {
        return tenants.listOrderByName().stream().map(projection::toView).toList();
    }

    public TenantView get(String id) {
        return projection.toView(row(id));
    }

    public Optional<TenantView> find(String id) {
        return tenants.findById(id).map(projection::toView);
    }

    /** Replaces the tenant's profile ({@code id} cannot change); republishes the projection. */
    public TenantView update(String id, TenantCommand command) {
        if (command.id() != null && !command.id().equals(id)) {
            throw new InvalidInputException("id", "cannot be changed (it is " + id + ")");
        }
        TenantRow current = row(id);
        requireNumberFree(command, id);
        TenantRow updated = new TenantRow(id, command.name(), command.channel(), command.phoneNumberId(), command.wabaId(),
                command.displayPhoneNumber(),
                command.appSecretRef() == null ? current.appSecretRef() : command.appSecretRef(),
                command.accessTokenRef() == null ? current.accessTokenRef() : command.accessTokenRef(),
                command.timezone(), json.map(command.businessHours()), json.strings(command.languages()),
                command.businessFacts(), command.status().wireName(), current.knowledgeRevision(),
                current.catalogRevision(), current.createdAt(), now());
        try {
            transactions.executeWrite(status -> {
                tenants.update(updated);
                publish(updated);
                return null;
            });
        } catch (DataAccessException e) {
            throw conflictOrRethrow(e, command);
        }
        // Business facts, hours and languages go into every prompt.
        answers.contentChanged(id);
        return projection.toView(updated);
    }

    /** Tenants are never deleted (their conversations and history stay): they are suspended, and the webhook drops their traffic. */
    public TenantView suspend(String id) {
        TenantRow current = row(id);
        TenantRow suspended = new TenantRow(id, current.name(), current.channel(), current.phoneNumberId(),
                current.wabaId(), current.displayPhoneNumber(), current.appSecretRef(), current.accessTokenRef(),
                current.timezone(), current.businessHours(), current.languages(), current.businessFacts(),
                TenantStatus.SUSPENDED.wireName(), current.knowledgeRevision(), current.catalogRevision(),
                current.createdAt(), now());
        transactions.executeWrite(status -> {
            tenants.update(suspended);
            publish(suspended);
            return null;
        });
        return projection.toView(suspended);
    }

    /** Writes the runtime projection again (repairs DynamoDB after an outage or a manual edit). */
    public void republish(String id) {
        publish(row(id));
    }

    /** Throws {@link NotFoundException} unless the tenant exists. */
    public void requireExists(String id) {
        if (id == null || !tenants.existsById(id)) {
            throw new NotFoundException("no tenant " + id);
        }
    }

    void publish(TenantRow row) {
        AgentConfiguration configuration = configurations.findById(row.id()).map(configurationMapper::toDomain)
                .orElseGet(() -> AgentConfiguration.defaults(row.id(), "Assistant"));
        directory.save(projection.toRuntimeTenant(row, configuration, staff.findByTenantIdOrderByName(row.id())));
    }

    TenantRow row(String id) {
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("no tenant " + id));
    }

    private void requireNumberFree(TenantCommand command, String id) {
        tenants.findByChannelAndPhoneNumberId(command.channel(), command.phoneNumberId())
                .filter(owner -> !owner.id().equals(id))
                .ifPresent(owner -> {
                    throw new ConflictException("phone_number_id " + command.phoneNumberId() + " already belongs to another tenant");
                });
    }

    private RuntimeException conflictOrRethrow(DataAccessException e, TenantCommand command) {
        // A concurrent create took the id or number between the check and the insert.
        if (tenants.findByChannelAndPhoneNumberId(command.channel(), command.phoneNumberId()).isPresent()) {
            return new ConflictException("phone_number_id " + command.phoneNumberId() + " already belongs to another tenant");
        }
        return e;
    }

    /** A readable id from the name ("Pune Camera Rentals" → pune-camera-rentals), suffixed if taken. */
    private String freeIdFor(String name) {
        String slug = dev.waagent.backoffice.internal.Slugs.slug(name);
        if (slug.length() < 3) {
            slug = "tenant-" + slug;
        }
        String candidate = slug;
        while (tenants.existsById(candidate)) {
            candidate = slug + "-" + Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36);
        }
        return candidate.toLowerCase(Locale.ROOT);
    }

    /** Databases keep microseconds: what is returned must equal what a later read gives. */
    private Instant now() {
        return time.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
