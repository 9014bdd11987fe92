package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;

/**
 * An API key as listed (never its secret). {@code key} is set only once, in the answer that issued it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record ApiKeyView(String id, String tenantId, String name, List<String> scopes, Instant createdAt,
                         @Nullable Instant revokedAt, @Nullable String key) {
}
