package dev.waagent.dynamodb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Creates the tables where nothing else does (the local runtime and tests). In AWS the CDK stack defines the
 * same keys; keep the two in step.
 */
@Context
@Requires(property = "wa.dynamodb.create-tables", value = "true")
public class TableBootstrap {

    public TableBootstrap(DynamoDbClient client, DynamoDbSettings settings) {
        createTables(client, settings.getConversationsTable(), settings.getTenantsTable());
    }

    public static void createTables(DynamoDbClient client, String conversationsTable, String tenantsTable) {
        boolean created = create(client, CreateTableRequest.builder()
                .tableName(conversationsTable)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"), attribute(Keys.DUE_BUCKET),
                        numberAttribute(Keys.DUE_AT))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(dueIndex())
                .build());
        if (!created) {
            ensureDueIndex(client, conversationsTable);
        }
        try {
            client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(conversationsTable)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName("expiresAt").enabled(true).build())
                    .build());
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException alreadyEnabled) {
            // TTL already on.
        }
        create(client, CreateTableRequest.builder()
                .tableName(tenantsTable)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"))
                .keySchema(key("pk", KeyType.HASH))
                .build());
    }

    /**
     * The scheduler's sparse due-work index (see {@link Keys}); the CDK's {@code AgentTables} defines the same one.
     */
    static GlobalSecondaryIndex dueIndex() {
        return GlobalSecondaryIndex.builder()
                .indexName(Keys.DUE_INDEX)
                .keySchema(key(Keys.DUE_BUCKET, KeyType.HASH), key(Keys.DUE_AT, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    /** Tables kept from before the index existed (a local data directory) get it added. */
    private static void ensureDueIndex(DynamoDbClient client, String table) {
        var description = client.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        boolean present = description.hasGlobalSecondaryIndexes() && description.globalSecondaryIndexes().stream()
                .anyMatch(index -> Keys.DUE_INDEX.equals(index.indexName()));
        if (present) {
            return;
        }
        client.updateTable(UpdateTableRequest.builder().tableName(table)
                .attributeDefinitions(attribute(Keys.DUE_BUCKET), numberAttribute(Keys.DUE_AT))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(Keys.DUE_INDEX)
                                .keySchema(key(Keys.DUE_BUCKET, KeyType.HASH), key(Keys.DUE_AT, KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build())
                        .build())
                .build());
    }

    private static boolean create(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(request);
            return true;
        } catch (ResourceInUseException exists) {
            // Created by an earlier start.
            return false;
        }
    }

    private static AttributeDefinition numberAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.N).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
