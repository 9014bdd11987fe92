package dev.waagent.backoffice;

import dev.waagent.backoffice.input.CsvTable;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.backoffice.input.Bodies;
import dev.waagent.backoffice.internal.JsonColumns;
import dev.waagent.backoffice.internal.KnowledgeRepository;
import dev.waagent.backoffice.internal.KnowledgeRow;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.EmbeddingException;
import dev.waagent.domain.knowledge.EntryEmbedding;
import dev.waagent.domain.knowledge.KnowledgeChanged;
import dev.waagent.domain.knowledge.KnowledgeEntry;
import dev.waagent.domain.knowledge.KnowledgeEntryType;
import dev.waagent.domain.knowledge.KnowledgeSource;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Knowledge entries: CRUD with version increments and soft delete, all-or-nothing imports, and the
 * {@link KnowledgeSource} the search index loads from. Embeddings are made before the transaction (so no database
 * connection waits on the model) and stored with the model's name; when the embedder is unavailable the entry is
 * stored without vectors and the index embeds it later. Every write bumps the tenant's knowledge revision and
 * announces {@link KnowledgeChanged} after commit.
 */
@Singleton
public class KnowledgeService implements KnowledgeSource {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);
    private static final int EMBED_BATCH = 64;

    private final KnowledgeRepository entries;
    private final TenantRepository tenants;
    private final Embedder embedder;
    private final JsonColumns json;
    private final Bodies files;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<KnowledgeChanged> events;
    private final TimeSource time;
    private final BackOfficeSettings settings;
    private final AnswerCacheInvalidation answers;

    public KnowledgeService(KnowledgeRepository entries, TenantRepository tenants, Embedder embedder, JsonColumns json,
                            Bodies files, TransactionOperations<Connection> transactions,
                            ApplicationEventPublisher<KnowledgeChanged> events, TimeSource time,
                            BackOfficeSettings settings, AnswerCacheInvalidation answers) {
        this.entries = entries;
        this.tenants = tenants;
        this.embedder = embedder;
        this.json = json;
        this.files = files;
        this.transactions = transactions;
        this.events = events;
        this.time = time;
        this.settings = settings;
        this.answers = answers;
    }

    public KnowledgeEntryView create(String tenantId, KnowledgeEntryCommand command) {
        return importEntries(tenantId, List.of(command)).ids().stream().findFirst().map(id -> get(tenantId, id))
                .orElseThrow();
    }

    /** Replaces an entry's fields; its version grows by one, its vectors are re-made if its text changed. */
    public KnowledgeEntryView update(String tenantId, String entryId, KnowledgeEntryCommand command) {
        KnowledgeRow current = row(tenantId, entryId);
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw new ConflictException("entry is at version " + current.version() + ", not " + command.expectedVersion());
        }
        boolean textChanged = !current.title().equals(command.title()) || !current.content().equals(command.content())
                || !json.strings(current.questions()).equals(command.questions());
        EntryEmbedding embedding = textChanged ? embed(List.of(command)).get(0) : stored(current);
        KnowledgeRow updated = toRow(current.id(), tenantId, command, current.version() + 1, embedding,
                current.createdAt(), now());
        transactions.executeWrite(status -> {
            entries.update(updated);
            tenants.bumpKnowledgeRevision(tenantId);
            return null;
        });
        events.publishEvent(new KnowledgeChanged(tenantId));
        answers.contentChanged(tenantId);
        return toView(updated);
    }

    /** Soft delete: the entry leaves search and listings, the row stays. */
    public void delete(String tenantId, String entryId) {
        row(tenantId, entryId);
        transactions.executeWrite(status -> {
            entries.softDelete(entryId, tenantId, now());
            tenants.bumpKnowledgeRevision(tenantId);
            return null;
        });
        events.publishEvent(new KnowledgeChanged(tenantId));
        answers.contentChanged(tenantId);
    }

    public KnowledgeEntryView get(String tenantId, String entryId) {
        return toView(row(tenantId, entryId));
    }

    public List<KnowledgeEntryView> list(String tenantId, @Nullable String category, int page, int size) {
        requireTenant(tenantId);
        Pageable pageable = Pageable.from(Math.max(0, page), Math.max(1, Math.min(size, settings.getMaxPageSize())),
                Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        List<KnowledgeRow> rows = category == null || category.isBlank()
                ? entries.findByTenantIdAndDeletedAtIsNull(tenantId, pageable)
                : entries.findByTenantIdAndCategoryAndDeletedAtIsNull(tenantId, category.strip(), pageable);
        return rows.stream().map(this::toView).toList();
    }

    public long count(String tenantId) {
        return entries.countByTenantIdAndDeletedAtIsNull(tenantId);
    }

    /**
     * Imports a file (a JSON array of entries, or CSV with a header row). All or nothing: any bad row rejects the
     * file with {@link ImportRejectedException}, whose report names every bad row and field.
     */
    public ImportReport importFile(String tenantId, ImportFormat format, byte[] body) {
        requireTenant(tenantId);
        Problems problems = new Problems();
        List<KnowledgeEntryCommand> rows = new ArrayList<>();
        if (format == ImportFormat.JSON) {
            List<JsonNode> nodes = files.jsonArray(body);
            for (int i = 0; i < nodes.size(); i++) {
                rows.add(KnowledgeEntryCommand.fromJson(nodes.get(i), i + 1, problems));
            }
        } else {
            CsvTable table = CsvTable.parse(files.utf8(body), KnowledgeEntryCommand.CSV_COLUMNS, KnowledgeEntryCommand.REQUIRED);
            for (CsvTable.Row row : table.rows()) {
                rows.add(KnowledgeEntryCommand.fromCsv(row, problems));
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("", "the file holds no entries");
        }
        if (rows.size() > settings.getMaxImportRows()) {
            throw new InvalidInputException("", "the file holds " + rows.size() + " entries; at most "
                    + settings.getMaxImportRows() + " per file");
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(new ImportReport(0, (int) problems.rowsWithProblems(), problems.errors(), List.of()));
        }
        return importEntries(tenantId, rows);
    }

    /** Inserts already validated entries in one transaction. */
    public ImportReport importEntries(String tenantId, List<KnowledgeEntryCommand> commands) {
        requireTenant(tenantId);
        Problems problems = new Problems();
        for (KnowledgeEntryCommand command : commands) {
            command.validate(null, problems);
        }
        problems.throwIfAny();
        List<EntryEmbedding> embeddings = embed(commands);
        Instant now = now();
        List<KnowledgeRow> rows = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            rows.add(toRow(UUID.randomUUID().toString(), tenantId, commands.get(i), 1, embeddings.get(i), now, now));
        }
        transactions.executeWrite(status -> {
            entries.saveAll(rows);
            tenants.bumpKnowledgeRevision(tenantId);
            return null;
        });
        events.publishEvent(new KnowledgeChanged(tenantId));
        answers.contentChanged(tenantId);
        return ImportReport.imported(rows.stream().map(KnowledgeRow::id).toList());
    }

    @Override
    public long knowledgeRevision(String tenantId) {
        return tenants.findKnowledgeRevisionById(tenantId).orElse(0L);
    }

    @Override
    public List<KnowledgeEntry> activeEntries(String tenantId) {
        return entries.findByTenantIdAndActiveAndDeletedAtIsNull(tenantId, true).stream().map(this::toDomain).toList();
    }

    @Override
    public void storeEmbedding(String tenantId, String entryId, long version, EntryEmbedding embedding) {
        entries.storeEmbedding(entryId, tenantId, version, embedding.toBytes(), embedding.model(), embedding.dimensions());
    }

    /** Vectors for each command, in order; {@code null} for all when the embedder is unavailable. */
    private List<EntryEmbedding> embed(List<KnowledgeEntryCommand> commands) {
        List<EntryEmbedding> out = new ArrayList<>(commands.size());
        try {
            for (int from = 0; from < commands.size(); from += EMBED_BATCH) {
                List<KnowledgeEntryCommand> batch = commands.subList(from, Math.min(commands.size(), from + EMBED_BATCH));
                List<List<String>> texts = batch.stream()
                        .map(c -> KnowledgeEntry.embeddingTexts(c.title(), c.content(), c.questions())).toList();
                List<float[]> vectors = embedder.embedAll(texts.stream().flatMap(List::stream).toList());
                int next = 0;
                for (List<String> entryTexts : texts) {
                    out.add(new EntryEmbedding(embedder.modelName(), embedder.dimensions(),
                            vectors.subList(next, next + entryTexts.size())));
                    next += entryTexts.size();
                }
            }
            return out;
        } catch (EmbeddingException e) {
            LOG.warn("{} entries stored without vectors (the search index embeds them later): {}", commands.size(), e.getMessage());
            List<EntryEmbedding> none = new ArrayList<>();
            commands.forEach(c -> none.add(null));
            return none;
        }
    }

    private KnowledgeRow toRow(String id, String tenantId, KnowledgeEntryCommand command, long version,
                               @Nullable EntryEmbedding embedding, Instant createdAt, Instant updatedAt) {
        return new KnowledgeRow(id, tenantId, command.type().wireName(), command.title(), command.content(),
                json.strings(command.questions()), json.strings(command.keywords()), command.category(),
                command.priority(), command.active(), version,
                embedding == null ? null : embedding.toBytes(),
                embedding == null ? null : embedding.model(),
                embedding == null ? null : embedding.dimensions(),
                createdAt, updatedAt, null);
    }

    private @Nullable EntryEmbedding stored(KnowledgeRow row) {
        if (row.embedding() == null || row.embeddingModel() == null || row.embeddingDimensions() == null) {
            return null;
        }
        return EntryEmbedding.fromBytes(row.embeddingModel(), row.embeddingDimensions(), row.embedding());
    }

    private KnowledgeEntry toDomain(KnowledgeRow row) {
        return new KnowledgeEntry(row.id(), row.tenantId(), KnowledgeEntryType.parse(row.entryType()).orElse(KnowledgeEntryType.FAQ),
                row.title(), row.content(), json.strings(row.questions()), json.strings(row.keywords()), row.category(),
                row.priority(), row.version(), stored(row));
    }

    private KnowledgeEntryView toView(KnowledgeRow row) {
        return new KnowledgeEntryView(row.id(), row.entryType(), row.title(), row.content(), json.strings(row.questions()),
                json.strings(row.keywords()), row.category(), row.priority(), row.active(), row.version(),
                row.embeddingModel(), row.createdAt(), row.updatedAt());
    }

    private KnowledgeRow row(String tenantId, String entryId) {
        requireTenant(tenantId);
        return entries.findByIdAndTenantIdAndDeletedAtIsNull(Objects.requireNonNull(entryId), tenantId)
                .orElseThrow(() -> new NotFoundException("no knowledge entry " + entryId));
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
