package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.StaffRepository;
import dev.waagent.backoffice.internal.StaffRow;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.domain.TimeSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's staff members (their WhatsApp number is unique within the tenant). */
@Singleton
public class StaffService {

    private final StaffRepository staff;
    private final TenantRepository tenants;
    private final TenantService tenantService;
    private final TransactionOperations<Connection> transactions;
    private final TimeSource time;

    public StaffService(StaffRepository staff, TenantRepository tenants, TenantService tenantService,
                        TransactionOperations<Connection> transactions, TimeSource time) {
        this.staff = staff;
        this.tenants = tenants;
        this.tenantService = tenantService;
        this.transactions = transactions;
        this.time = time;
    }

    /** A staff change also republishes the runtime tenant (its staff numbers make messages commands), in one transaction. */
    private <T> T writeAndPublish(String tenantId, java.util.function.Supplier<T> write) {
        return transactions.executeWrite(status -> {
            T result = write.get();
            tenantService.publish(tenantService.row(tenantId));
            return result;
        });
    }

    public StaffView create(String tenantId, StaffCommand command) {
        requireTenant(tenantId);
        if (staff.existsByTenantIdAndWaId(tenantId, command.waId())) {
            throw new InvalidInputException("wa_id", "this number is already a staff member");
        }
        Instant now = now();
        StaffRow row = new StaffRow(UUID.randomUUID().toString(), tenantId, command.waId(), command.name(),
                command.role().wireName(), now, now);
        return writeAndPublish(tenantId, () -> toView(staff.save(row)));
    }

    public StaffView update(String tenantId, String staffId, StaffCommand command) {
        StaffRow current = row(tenantId, staffId);
        if (!current.waId().equals(command.waId()) && staff.existsByTenantIdAndWaId(tenantId, command.waId())) {
            throw new InvalidInputException("wa_id", "this number is already a staff member");
        }
        StaffRow updated = new StaffRow(staffId, tenantId, command.waId(), command.name(), command.role().wireName(),
                current.createdAt(), now());
        return writeAndPublish(tenantId, () -> toView(staff.update(updated)));
    }

    public void delete(String tenantId, String staffId) {
        row(tenantId, staffId);
        writeAndPublish(tenantId, () -> staff.deleteByIdAndTenantId(staffId, tenantId));
    }

    public StaffView get(String tenantId, String staffId) {
        return toView(row(tenantId, staffId));
    }

    public List<StaffView> list(String tenantId) {
        requireTenant(tenantId);
        return staff.findByTenantIdOrderByName(tenantId).stream().map(StaffService::toView).toList();
    }

    private StaffRow row(String tenantId, String staffId) {
        requireTenant(tenantId);
        return staff.findByIdAndTenantId(staffId, tenantId).orElseThrow(() -> new NotFoundException("no staff member " + staffId));
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || !tenants.existsById(tenantId)) {
            throw new NotFoundException("no tenant " + tenantId);
        }
    }

    private static StaffView toView(StaffRow row) {
        return new StaffView(row.id(), row.waId(), row.name(), row.staffRole(), row.createdAt(), row.updatedAt());
    }

    /** Databases keep microseconds: what is returned must equal what a later read gives. */
    private Instant now() {
        return time.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
