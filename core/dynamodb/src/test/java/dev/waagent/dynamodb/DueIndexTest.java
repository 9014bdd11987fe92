package dev.waagent.dynamodb;

import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's due-work index on local tables: created with new tables, added to tables kept from before it. */
class DueIndexTest {

    private final DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
            .endpointOverride(EmbeddedDynamoDb.shared().endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    @Test
    void newTablesHaveTheSparseDueIndex() {
        String table = "due-" + UUID.randomUUID();
        TableBootstrap.createTables(client, table, table + "-tenants");
        assertDueIndex(table);
    }

    @Test
    void aTableFromBeforeTheIndexGetsItAdded() {
        String table = "due-old-" + UUID.randomUUID();
        client.createTable(CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(s("pk"), s("sk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .build());
        TableBootstrap.createTables(client, table, table + "-tenants");
        assertDueIndex(table);
        // And a second start leaves it as it is.
        TableBootstrap.createTables(client, table, table + "-tenants");
        assertDueIndex(table);
    }

    private void assertDueIndex(String table) {
        var description = client.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        assertThat(description.globalSecondaryIndexes()).singleElement().satisfies((GlobalSecondaryIndexDescription index) -> {
            assertThat(index.indexName()).isEqualTo("due-index");
            assertThat(index.keySchema()).extracting(KeySchemaElement::attributeName, KeySchemaElement::keyType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dueBucket", KeyType.HASH),
                            org.assertj.core.groups.Tuple.tuple("dueAt", KeyType.RANGE));
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(description.attributeDefinitions()).extracting(AttributeDefinition::attributeName, AttributeDefinition::attributeType)
                .contains(org.assertj.core.groups.Tuple.tuple("dueAt", ScalarAttributeType.N));
    }

    private static AttributeDefinition s(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
