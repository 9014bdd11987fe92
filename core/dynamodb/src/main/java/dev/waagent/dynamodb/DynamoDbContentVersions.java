package dev.waagent.dynamodb;

import dev.waagent.domain.llm.routing.ContentVersions;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter per tenant in the tenants table ({@code pk = VERSION#<tenant>}), bumped atomically by whatever
 * changes knowledge or catalog. Reads are cached for a few seconds: a change reaches the cache keys within that.
 */
@Singleton
public class DynamoDbContentVersions implements ContentVersions {

    private static final Duration READ_CACHE = Duration.ofSeconds(5);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbContentVersions(DynamoDbClient dynamoDb, DynamoDbSettings settings) {
        this.dynamoDb = dynamoDb;
        this.table = settings.getTenantsTable();
    }

    @Override
    public long current(String tenantId) {
        Instant now = Instant.now();
        Cached hit = cache.get(tenantId);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.version();
        }
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(key(tenantId)));
        long version = response.hasItem() && response.item().containsKey("contentVersion")
                ? Long.parseLong(response.item().get("contentVersion").n()) : 0;
        cache.put(tenantId, new Cached(version, now.plus(READ_CACHE)));
        return version;
    }

    @Override
    public void bump(String tenantId) {
        dynamoDb.updateItem(b -> b.tableName(table).key(key(tenantId))
                .updateExpression("ADD contentVersion :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        cache.remove(tenantId);
    }

    private static Map<String, AttributeValue> key(String tenantId) {
        return Map.of("pk", AttributeValue.fromS("VERSION#" + tenantId));
    }

    private record Cached(long version, Instant until) {
    }
}
