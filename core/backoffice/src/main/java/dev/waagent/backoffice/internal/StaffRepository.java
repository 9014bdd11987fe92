package dev.waagent.backoffice.internal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffRepository extends CrudRepository<StaffRow, String> {

    Optional<StaffRow> findByIdAndTenantId(String id, String tenantId);

    List<StaffRow> findByTenantIdOrderByName(String tenantId);

    boolean existsByTenantIdAndWaId(String tenantId, String waId);

    int deleteByIdAndTenantId(String id, String tenantId);
}
