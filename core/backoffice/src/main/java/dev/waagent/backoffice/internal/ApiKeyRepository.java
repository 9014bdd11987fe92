package dev.waagent.backoffice.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRepository extends CrudRepository<ApiKeyRow, String> {

    Optional<ApiKeyRow> findByIdAndRevokedAtIsNull(String id);

    List<ApiKeyRow> findByTenantIdOrderByCreatedAt(String tenantId);

    @Query("UPDATE api_keys SET revoked_at = :revokedAt WHERE id = :id AND tenant_id = :tenantId AND revoked_at IS NULL")
    int revoke(String id, String tenantId, Instant revokedAt);
}
