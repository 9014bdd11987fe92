package dev.waagent.backoffice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A tenant as the admin API returns it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record TenantView(
        String id,
        String name,
        String channel,
        String phoneNumberId,
        @Nullable String wabaId,
        @Nullable String displayPhoneNumber,
        @Nullable String appSecretRef,
        @Nullable String accessTokenRef,
        String timezone,
        Map<String, String> businessHours,
        List<String> languages,
        String businessFacts,
        String status,
        Instant createdAt,
        Instant updatedAt) {
}
