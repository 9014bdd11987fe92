package dev.waagent.backoffice;

import dev.waagent.backoffice.input.CsvTable;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.backoffice.internal.CatalogRepository;
import dev.waagent.backoffice.internal.CatalogRow;
import dev.waagent.backoffice.input.Bodies;
import dev.waagent.backoffice.internal.JsonColumns;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogChanged;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogSource;
import dev.waagent.domain.catalog.PriceUnit;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Catalog items: CRUD (a SKU is unique per tenant), all-or-nothing imports that create new SKUs and update
 * existing ones, and the {@link CatalogSource} the fuzzy matcher loads from. Every write bumps the tenant's
 * catalog revision and announces {@link CatalogChanged} after commit.
 */
@Singleton
public class CatalogService implements CatalogSource {

    private final CatalogRepository items;
    private final TenantRepository tenants;
    private final JsonColumns json;
    private final Bodies files;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<CatalogChanged> events;
    private final TimeSource time;
    private final BackOfficeSettings settings;
    private final AnswerCacheInvalidation answers;

    public CatalogService(CatalogRepository items, TenantRepository tenants, JsonColumns json, Bodies files,
                          TransactionOperations<Connection> transactions, ApplicationEventPublisher<CatalogChanged> events,
                          TimeSource time, BackOfficeSettings settings, AnswerCacheInvalidation answers) {
        this.items = items;
        this.tenants = tenants;
        this.json = json;
        this.files = files;
        this.transactions = transactions;
        this.events = events;
        this.time = time;
        this.settings = settings;
        this.answers = answers;
    }

    public CatalogItemView create(String tenantId, CatalogItemCommand command) {
        requireTenant(tenantId);
        validate(command);
        if (items.existsByTenantIdAndSku(tenantId, command.sku())) {
            throw new InvalidInputException("sku", "SKU " + command.sku() + " already exists (update that item instead)");
        }
        Instant now = now();
        CatalogRow row = toRow(UUID.randomUUID().toString(), tenantId, command, 1, now, now);
        write(tenantId, () -> items.save(row));
        return toView(row);
    }

    public CatalogItemView update(String tenantId, String itemId, CatalogItemCommand command) {
        CatalogRow current = row(tenantId, itemId);
        validate(command);
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw new ConflictException("item is at version " + current.version() + ", not " + command.expectedVersion());
        }
        if (!current.sku().equals(command.sku()) && items.existsByTenantIdAndSku(tenantId, command.sku())) {
            throw new InvalidInputException("sku", "SKU " + command.sku() + " already belongs to another item");
        }
        CatalogRow updated = toRow(itemId, tenantId, command, current.version() + 1, current.createdAt(), now());
        write(tenantId, () -> items.update(updated));
        return toView(updated);
    }

    public void delete(String tenantId, String itemId) {
        row(tenantId, itemId);
        write(tenantId, () -> items.deleteByIdAndTenantId(itemId, tenantId));
    }

    public CatalogItemView get(String tenantId, String itemId) {
        return toView(row(tenantId, itemId));
    }

    public List<CatalogItemView> list(String tenantId, int page, int size) {
        requireTenant(tenantId);
        Pageable pageable = Pageable.from(Math.max(0, page), Math.max(1, Math.min(size, settings.getMaxPageSize())),
                Sort.of(Sort.Order.asc("sku")));
        return items.findByTenantId(tenantId, pageable).stream().map(this::toView).toList();
    }

    /**
     * Imports a file: rows whose SKU exists are updated, others created. All or nothing: a bad row, or a SKU that
     * appears twice in the file, rejects the file with {@link ImportRejectedException}.
     */
    public ImportReport importFile(String tenantId, ImportFormat format, byte[] body) {
        requireTenant(tenantId);
        Problems problems = new Problems();
        List<CatalogItemCommand> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        if (format == ImportFormat.JSON) {
            List<JsonNode> nodes = files.jsonArray(body);
            for (int i = 0; i < nodes.size(); i++) {
                rows.add(CatalogItemCommand.fromJson(nodes.get(i), i + 1, problems));
                rowNumbers.add(i + 1);
            }
        } else {
            CsvTable table = CsvTable.parse(files.utf8(body), CatalogItemCommand.CSV_COLUMNS, CatalogItemCommand.REQUIRED);
            for (CsvTable.Row row : table.rows()) {
                rows.add(CatalogItemCommand.fromCsv(row, problems));
                rowNumbers.add(row.number());
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("", "the file holds no items");
        }
        if (rows.size() > settings.getMaxImportRows()) {
            throw new InvalidInputException("", "the file holds " + rows.size() + " items; at most "
                    + settings.getMaxImportRows() + " per file");
        }
        Map<String, Integer> firstRowOfSku = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String sku = rows.get(i).sku();
            if (sku == null) {
                continue;
            }
            Integer first = firstRowOfSku.putIfAbsent(sku, rowNumbers.get(i));
            if (first != null) {
                problems.add(rowNumbers.get(i), "sku", "duplicate SKU " + sku + " (also on row " + first + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(0, (int) problems.rowsWithProblems(), problems.errors(), List.of()));
        }
        Map<String, CatalogRow> existing = new HashMap<>();
        items.findByTenantId(tenantId, Pageable.UNPAGED).forEach(row -> existing.put(row.sku(), row));
        Instant now = now();
        List<CatalogRow> created = new ArrayList<>();
        List<CatalogRow> updated = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (CatalogItemCommand command : rows) {
            CatalogRow current = existing.get(command.sku());
            CatalogRow row = current == null
                    ? toRow(UUID.randomUUID().toString(), tenantId, command, 1, now, now)
                    : toRow(current.id(), tenantId, command, current.version() + 1, current.createdAt(), now);
            (current == null ? created : updated).add(row);
            ids.add(row.id());
        }
        write(tenantId, () -> {
            items.saveAll(created);
            items.updateAll(updated);
        });
        return ImportReport.imported(ids);
    }

    @Override
    public long catalogRevision(String tenantId) {
        return tenants.findCatalogRevisionById(tenantId).orElse(0L);
    }

    @Override
    public List<CatalogItem> activeItems(String tenantId) {
        return items.findByTenantIdAndActive(tenantId, true).stream().map(this::toDomain).toList();
    }

    private void write(String tenantId, Runnable change) {
        transactions.executeWrite(status -> {
            change.run();
            tenants.bumpCatalogRevision(tenantId);
            return null;
        });
        events.publishEvent(new CatalogChanged(tenantId));
        answers.contentChanged(tenantId);
    }

    private static void validate(CatalogItemCommand command) {
        Problems problems = new Problems();
        command.validate(null, problems);
        problems.throwIfAny();
    }

    private CatalogRow toRow(String id, String tenantId, CatalogItemCommand command, long version, Instant createdAt,
                             Instant updatedAt) {
        return new CatalogRow(id, tenantId, command.sku(), command.name(), json.strings(command.aliases()),
                command.category(), command.price(), command.currency() == null ? "" : command.currency(),
                command.priceUnit().wireName(), command.stock(), command.availability().wireName(),
                json.map(command.attributes()), command.imageUrl(), command.active(), version, createdAt, updatedAt);
    }

    private CatalogItem toDomain(CatalogRow row) {
        return new CatalogItem(row.id(), row.tenantId(), row.sku(), row.name(), json.strings(row.aliases()), row.category(),
                row.price(), row.currency(), PriceUnit.parse(row.priceUnit()).orElse(PriceUnit.PER_ITEM), row.stock(),
                Availability.parse(row.availability()).orElse(Availability.IN_STOCK), json.map(row.attributes()),
                row.imageUrl(), row.version());
    }

    private CatalogItemView toView(CatalogRow row) {
        return new CatalogItemView(row.id(), row.sku(), row.name(), json.strings(row.aliases()), row.category(),
                row.price(), row.currency(), row.priceUnit(), row.stock(), row.availability(), json.map(row.attributes()),
                row.imageUrl(), row.active(), row.version(), row.createdAt(), row.updatedAt());
    }

    private CatalogRow row(String tenantId, String itemId) {
        requireTenant(tenantId);
        return items.findByIdAndTenantId(itemId, tenantId).orElseThrow(() -> new NotFoundException("no catalog item " + itemId));
    }

    private void requireTenant(String tenantId) {
        if (tenantId == null || !tenants.existsById(tenantId)) {
            throw new NotFoundException("no tenant " + tenantId);
        }
    }

    /** Databases keep microseconds: what is returned must equal what a later read gives. */
    private Instant now() {
        return time.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
