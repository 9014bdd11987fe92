package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.ApprovedTemplateRepository;
import dev.waagent.backoffice.internal.ApprovedTemplateRow;
import dev.waagent.backoffice.internal.JsonColumns;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.domain.TimeSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A tenant's approved message templates, one per purpose. Every change republishes the runtime tenant in the same
 * transaction, so follow-ups and reminders outside the 24-hour window use it at once.
 */
@Singleton
public class ApprovedTemplateService {

    private final ApprovedTemplateRepository templates;
    private final TenantRepository tenants;
    private final TenantService tenantService;
    private final TransactionOperations<Connection> transactions;
    private final JsonColumns json;
    private final TimeSource time;

    public ApprovedTemplateService(ApprovedTemplateRepository templates, TenantRepository tenants, TenantService tenantService,
                                   TransactionOperations<Connection> transactions, JsonColumns json, TimeSource time) {
        this.templates = templates;
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.transactions = transactions;
        this.json = json;
        this.time = time;
    }

    public List<ApprovedTemplateView> list(String tenantId) {
        requireTenant(tenantId);
        return templates.findByTenantIdOrderByPurpose(tenantId).stream().map(this::toView).toList();
    }

    /** Sets the template for the command's purpose (replacing any). */
    public ApprovedTemplateView put(String tenantId, ApprovedTemplateCommand command) {
        requireTenant(tenantId);
        String id = ApprovedTemplateRow.idOf(tenantId, command.purpose());
        ApprovedTemplateRow row = new ApprovedTemplateRow(id, tenantId, command.purpose(), command.name(),
                command.language(), json.strings(command.parameters()), time.now().truncatedTo(ChronoUnit.MICROS));
        return transactions.executeWrite(status -> {
            ApprovedTemplateRow saved = templates.existsById(id) ? templates.update(row) : templates.save(row);
            tenantService.publish(tenantService.row(tenantId));
            return toView(saved);
        });
    }

    public void delete(String tenantId, String purpose) {
        requireTenant(tenantId);
        transactions.executeWrite(status -> {
            if (templates.deleteByIdAndTenantId(ApprovedTemplateRow.idOf(tenantId, purpose), tenantId) == 0) {
                throw new NotFoundException("no " + purpose + " template");
            }
            tenantService.publish(tenantService.row(tenantId));
            return null;
        });
    }

    private ApprovedTemplateView toView(ApprovedTemplateRow row) {
        return new ApprovedTemplateView(row.purpose(), row.name(), row.language(), json.strings(row.parameters()), row.updatedAt());
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || !tenants.existsById(tenantId)) {
            throw new NotFoundException("no tenant " + tenantId);
        }
    }
}
