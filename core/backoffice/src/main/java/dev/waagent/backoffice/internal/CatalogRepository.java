package dev.waagent.backoffice.internal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Every method takes the tenant id: no query reaches another tenant's rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogRepository extends CrudRepository<CatalogRow, String> {

    Optional<CatalogRow> findByIdAndTenantId(String id, String tenantId);

    List<CatalogRow> findByTenantId(String tenantId, Pageable pageable);

    List<CatalogRow> findByTenantIdAndActive(String tenantId, boolean active);

    List<String> findSkuByTenantId(String tenantId);

    boolean existsByTenantIdAndSku(String tenantId, String sku);

    int deleteByIdAndTenantId(String id, String tenantId);
}
