package dev.waagent.backoffice.internal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApprovedTemplateRepository extends CrudRepository<ApprovedTemplateRow, String> {

    List<ApprovedTemplateRow> findByTenantIdOrderByPurpose(String tenantId);

    int deleteByIdAndTenantId(String id, String tenantId);
}
