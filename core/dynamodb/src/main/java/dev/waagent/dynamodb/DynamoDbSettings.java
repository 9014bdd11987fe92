package dev.waagent.dynamodb;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Where the tables are. {@code endpoint} is set only for DynamoDB Local; in AWS the SDK finds the endpoint.
 */
@ConfigurationProperties("wa.dynamodb")
public interface DynamoDbSettings {

    @Bindable(defaultValue = "wa-agent-conversations")
    @NotBlank
    String getConversationsTable();

    @Bindable(defaultValue = "wa-agent-tenants")
    @NotBlank
    String getTenantsTable();

    @Nullable
    URI getEndpoint();

    /** How long messages are kept (DynamoDB TTL). */
    @Bindable(defaultValue = "90d")
    @NotNull
    Duration getMessageRetention();

    /** How long a tenant read is cached in memory. */
    @Bindable(defaultValue = "60s")
    @NotNull
    Duration getTenantCacheTtl();

    /** Create missing tables at start-up (local runtime and tests; in AWS the CDK owns them). */
    @Bindable(defaultValue = "false")
    boolean isCreateTables();
}
