package dev.waagent.scheduler;

import dev.waagent.embedded.EmbeddedDynamoDb;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A context on the shared DynamoDB Local with its own tables and the manual clock. */
final class SchedulerTestProperties {

    private SchedulerTestProperties() {
    }

    static Map<String, String> fresh() {
        String prefix = "sched-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = new HashMap<>();
        properties.put("aws.region", "us-east-1");
        properties.put("wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString());
        properties.put("wa.dynamodb.create-tables", "true");
        properties.put("wa.dynamodb.conversations-table", prefix + "-conversations");
        properties.put("wa.dynamodb.tenants-table", prefix + "-tenants");
        properties.put("wa.metrics.enabled", "false");
        properties.put("llm.providers.openai.enabled", "false");
        properties.put("test.manual-clock", "true");
        return properties;
    }
}
