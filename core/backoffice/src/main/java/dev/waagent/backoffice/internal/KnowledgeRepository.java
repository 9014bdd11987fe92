package dev.waagent.backoffice.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every method takes the tenant id: no query reaches another tenant's rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface KnowledgeRepository extends CrudRepository<KnowledgeRow, String> {

    Optional<KnowledgeRow> findByIdAndTenantIdAndDeletedAtIsNull(String id, String tenantId);

    List<KnowledgeRow> findByTenantIdAndDeletedAtIsNull(String tenantId, Pageable pageable);

    List<KnowledgeRow> findByTenantIdAndCategoryAndDeletedAtIsNull(String tenantId, String category, Pageable pageable);

    List<KnowledgeRow> findByTenantIdAndActiveAndDeletedAtIsNull(String tenantId, boolean active);

    long countByTenantIdAndDeletedAtIsNull(String tenantId);

    @Query("UPDATE knowledge_entries SET deleted_at = :deletedAt, updated_at = :deletedAt "
            + "WHERE id = :id AND tenant_id = :tenantId AND deleted_at IS NULL")
    int softDelete(String id, String tenantId, Instant deletedAt);

    /** Conditional on the version: vectors made for an older text are not stored over a newer one. */
    @Query("UPDATE knowledge_entries SET embedding = :embedding, embedding_model = :model, embedding_dimensions = :dimensions "
            + "WHERE id = :id AND tenant_id = :tenantId AND version = :version")
    int storeEmbedding(String id, String tenantId, long version, byte[] embedding, String model, int dimensions);
}
