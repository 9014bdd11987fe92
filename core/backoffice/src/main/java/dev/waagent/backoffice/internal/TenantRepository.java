package dev.waagent.backoffice.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Queries are generated for PostgreSQL; H2 runs them in its PostgreSQL mode. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends CrudRepository<TenantRow, String> {

    Optional<TenantRow> findByChannelAndPhoneNumberId(String channel, String phoneNumberId);

    List<TenantRow> listOrderByName();

    Optional<Long> findKnowledgeRevisionById(String id);

    Optional<Long> findCatalogRevisionById(String id);

    @Query("UPDATE tenants SET knowledge_revision = knowledge_revision + 1 WHERE id = :id")
    int bumpKnowledgeRevision(String id);

    @Query("UPDATE tenants SET catalog_revision = catalog_revision + 1 WHERE id = :id")
    int bumpCatalogRevision(String id);
}
