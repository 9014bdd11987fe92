package dev.waagent.dynamodb;

import dev.waagent.domain.llm.routing.ResponseCache;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Cached FAQ answers in the conversations table: {@code pk = T#<tenant>#CACHE}, {@code sk = sha256(key)}, expired
 * by DynamoDB TTL (and filtered on read, since TTL deletes lazily).
 */
@Singleton
public class DynamoDbResponseCache implements ResponseCache {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbResponseCache(DynamoDbClient dynamoDb, DynamoDbSettings settings) {
        this.dynamoDb = dynamoDb;
        this.table = settings.getConversationsTable();
    }

    @Override
    public Optional<CachedReply> get(String tenantId, String key) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(key(tenantId, key)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        if (expiresAt <= Instant.now().getEpochSecond() || !key.equals(item.get("cacheKey").s())) {
            return Optional.empty();
        }
        return Optional.of(new CachedReply(item.get("text").s(), item.get("provider").s(), item.get("model").s()));
    }

    @Override
    public void put(String tenantId, String key, CachedReply reply, Duration ttl) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(tenantId, key));
        item.put("kind", AttributeValue.fromS("CACHE"));
        item.put("cacheKey", AttributeValue.fromS(key));
        item.put("text", AttributeValue.fromS(reply.text()));
        item.put("provider", AttributeValue.fromS(reply.provider() == null ? "-" : reply.provider()));
        item.put("model", AttributeValue.fromS(reply.model() == null ? "-" : reply.model()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(ttl).getEpochSecond())));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String tenantId, String key) {
        return Map.of("pk", AttributeValue.fromS("T#" + tenantId + "#CACHE"), "sk", AttributeValue.fromS(sha256(key)));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
