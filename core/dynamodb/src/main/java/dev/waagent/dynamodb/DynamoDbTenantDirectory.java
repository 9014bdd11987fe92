package dev.waagent.dynamodb;

import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants as the runtime reads them, cached in memory for {@code wa.dynamodb.tenant-cache-ttl} so the webhook's
 * hot path costs no read for a known number.
 */
@Singleton
public class DynamoDbTenantDirectory implements TenantDirectory {

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<TenantItem> table;
    private final DynamoDbSettings settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbTenantDirectory(DynamoDbEnhancedClient client, DynamoDbSettings settings) {
        this.client = client;
        this.table = client.table(settings.getTenantsTable(), ItemSchemas.TENANT);
        this.settings = settings;
    }

    @Override
    public Optional<Tenant> findByBusinessNumber(String channel, String businessNumberId) {
        return cached(Keys.route(channel, businessNumberId), () -> {
            TenantItem route = table.getItem(Key.builder().partitionValue(Keys.route(channel, businessNumberId)).build());
            return route == null ? Optional.empty() : loadTenant(route.getTenantId());
        });
    }

    @Override
    public Optional<Tenant> findById(String tenantId) {
        return cached(Keys.tenant(tenantId), () -> loadTenant(tenantId));
    }

    @Override
    public List<Tenant> findAll() {
        // Tenants are few (one per business); a scan of the small tenants table is the honest query here.
        return table.scan().items().stream()
                .filter(item -> item.getPk().startsWith("TENANT#"))
                .map(DynamoDbTenantDirectory::toTenant)
                .sorted(Comparator.comparing(Tenant::name))
                .toList();
    }

    /**
     * Writes the tenant and, while it is active, its routing entry, in one transaction. The route it had before is
     * deleted in the same transaction when its number changed or it is no longer active (suspended), so an old
     * number stops resolving to it; a route that meanwhile belongs to another tenant is left alone.
     */
    @Override
    public void save(Tenant tenant) {
        TenantItem item = toItem(tenant);
        String route = Keys.route(tenant.channel(), tenant.businessNumberId());
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table, TransactPutItemEnhancedRequest.builder(TenantItem.class).item(item).build());
        if (tenant.active()) {
            TenantItem routeItem = new TenantItem();
            routeItem.setPk(route);
            routeItem.setTenantId(tenant.id());
            transaction.addPutItem(table, TransactPutItemEnhancedRequest.builder(TenantItem.class).item(routeItem).build());
        }
        previousRoute(tenant.id())
                .filter(previous -> !tenant.active() || !previous.equals(route))
                .ifPresent(previous -> transaction.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(previous).build())
                        // Only while it still points here (another tenant may have taken the number since the read).
                        .conditionExpression(Expression.builder()
                                .expression("attribute_not_exists(pk) OR tenantId = :tenant")
                                .putExpressionValue(":tenant", AttributeValue.fromS(tenant.id()))
                                .build())
                        .build()));
        client.transactWriteItems(transaction.build());
        cache.clear();
    }

    /** The routing key the stored tenant resolves from now, if that route still points to it. */
    private Optional<String> previousRoute(String tenantId) {
        TenantItem stored = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(Keys.tenant(tenantId)).build()).consistentRead(true).build());
        if (stored == null || stored.getChannel() == null || stored.getBusinessNumberId() == null) {
            return Optional.empty();
        }
        String route = Keys.route(stored.getChannel(), stored.getBusinessNumberId());
        TenantItem routeItem = table.getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(route).build()).consistentRead(true).build());
        return routeItem != null && tenantId.equals(routeItem.getTenantId()) ? Optional.of(route) : Optional.empty();
    }

    private Optional<Tenant> loadTenant(String tenantId) {
        TenantItem item = table.getItem(Key.builder().partitionValue(Keys.tenant(tenantId)).build());
        return Optional.ofNullable(item).map(DynamoDbTenantDirectory::toTenant);
    }

    private Optional<Tenant> cached(String key, java.util.function.Supplier<Optional<Tenant>> loader) {
        Instant now = Instant.now();
        Cached hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.tenant();
        }
        Optional<Tenant> loaded = loader.get();
        cache.put(key, new Cached(loaded, now.plus(settings.getTenantCacheTtl())));
        return loaded;
    }

    private record Cached(Optional<Tenant> tenant, Instant expires) {
    }

    private static TenantItem toItem(Tenant tenant) {
        TenantItem item = new TenantItem();
        item.setPk(Keys.tenant(tenant.id()));
        item.setTenantId(tenant.id());
        item.setName(tenant.name());
        item.setChannel(tenant.channel());
        item.setBusinessNumberId(tenant.businessNumberId());
        item.setDisplayPhoneNumber(tenant.displayPhoneNumber());
        item.setAppSecretRef(tenant.appSecretRef());
        item.setAccessTokenRef(tenant.accessTokenRef());
        item.setAgentName(tenant.agentName());
        item.setPersona(tenant.persona());
        item.setBusinessFacts(tenant.businessFacts());
        item.setTimezone(tenant.timezone().getId());
        item.setLanguages(tenant.languages());
        item.setProviderOrder(tenant.providerOrder().isEmpty() ? null : tenant.providerOrder());
        item.setActive(tenant.active());
        item.setStaff(tenant.staff().isEmpty() ? null : tenant.staff().stream()
                .map(member -> member.role().name() + "|" + member.waId() + "|" + member.name()).toList());
        item.setOpeningHours(tenant.openingHours().known() ? tenant.openingHours().asMap() : null);
        item.setTemplates(tenant.templates().isEmpty() ? null : tenant.templates().stream()
                .map(t -> t.purpose() + "|" + t.name() + "|" + t.language() + "|" + String.join(",", t.parameters()))
                .toList());
        item.setRichMessages(tenant.richMessages());
        return item;
    }

    private static Tenant toTenant(TenantItem item) {
        return new Tenant(item.getTenantId(), item.getName(), item.getChannel(), item.getBusinessNumberId(),
                item.getDisplayPhoneNumber(), item.getAppSecretRef(), item.getAccessTokenRef(), item.getAgentName(),
                item.getPersona(), item.getBusinessFacts(),
                item.getTimezone() == null ? null : ZoneId.of(item.getTimezone()),
                item.getLanguages(), item.getProviderOrder(), !Boolean.FALSE.equals(item.getActive()),
                item.getStaff() == null ? List.of() : item.getStaff().stream().map(DynamoDbTenantDirectory::toStaff).toList(),
                OpeningHours.parse(item.getOpeningHours()),
                item.getTemplates() == null ? List.of() : item.getTemplates().stream().map(DynamoDbTenantDirectory::toTemplate).toList(),
                Boolean.TRUE.equals(item.getRichMessages()));
    }

    private static StaffContact toStaff(String encoded) {
        String[] parts = encoded.split("\\|", 3);
        return new StaffContact(parts[1], parts.length > 2 ? parts[2] : "", StaffContact.Role.valueOf(parts[0]));
    }

    private static ApprovedTemplate toTemplate(String encoded) {
        String[] parts = encoded.split("\\|", 4);
        List<String> parameters = parts.length < 4 || parts[3].isEmpty() ? List.of() : List.of(parts[3].split(","));
        return new ApprovedTemplate(parts[0], parts[1], parts[2], parameters);
    }
}
