package dev.waagent.dynamodb;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
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
        create(client, CreateTableRequest.builder()
                .tableName(conversationsTable)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"), attribute("sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .build());
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

    private static void create(DynamoDbClient client, CreateTableRequest request) {
        try {
            client.createTable(request);
        } catch (ResourceInUseException exists) {
            // Created by an earlier start.
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
