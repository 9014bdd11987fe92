package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.ImportFormat;
import dev.waagent.backoffice.ImportReport;
import dev.waagent.backoffice.InvalidInputException;
import dev.waagent.backoffice.KnowledgeEntryCommand;
import dev.waagent.backoffice.KnowledgeEntryView;
import dev.waagent.backoffice.KnowledgeService;
import dev.waagent.backoffice.TenantService;
import dev.waagent.backoffice.input.Bodies;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.knowledge.KnowledgeBase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** A tenant's knowledge base: CRUD, imports and search (writing needs {@code knowledge:write}). */
@Controller("/admin/tenants/{tenantId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "knowledge")
@SecurityRequirement(name = "bearer")
public class KnowledgeAdminController {

    private final KnowledgeService knowledge;
    private final KnowledgeBase search;
    private final TenantService tenants;
    private final Bodies bodies;

    public KnowledgeAdminController(KnowledgeService knowledge, KnowledgeBase search, TenantService tenants, Bodies bodies) {
        this.knowledge = knowledge;
        this.search = search;
        this.tenants = tenants;
        this.bodies = bodies;
    }

    @Get(value = "/knowledge{?page,size,category}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listKnowledgeEntries", summary = "List entries (oldest first, not deleted)")
    public List<KnowledgeEntryView> list(String tenantId, @QueryValue(defaultValue = "0") int page,
                                         @QueryValue(defaultValue = "100") int size, @Nullable @QueryValue String category) {
        return knowledge.list(tenantId, category, page, size);
    }

    @Post(value = "/knowledge", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKnowledgeEntry", summary = "Create an entry (knowledge:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.KnowledgeEntryRequest.class)))
    public HttpResponse<KnowledgeEntryView> create(String tenantId, @Body byte[] body) {
        return HttpResponse.created(knowledge.create(tenantId, command(body)));
    }

    @Get(value = "/knowledge/{entryId}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getKnowledgeEntry", summary = "Read an entry")
    public KnowledgeEntryView get(String tenantId, String entryId) {
        return knowledge.get(tenantId, entryId);
    }

    @Put(value = "/knowledge/{entryId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateKnowledgeEntry", summary = "Replace an entry (knowledge:write)", description = "The version grows by one; vectors are re-made when the text changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.KnowledgeEntryRequest.class)))
    public KnowledgeEntryView update(String tenantId, String entryId, @Body byte[] body) {
        return knowledge.update(tenantId, entryId, command(body));
    }

    @Delete("/knowledge/{entryId}")
    @Operation(operationId = "deleteKnowledgeEntry", summary = "Delete an entry (soft; knowledge:write)")
    public HttpResponse<Void> delete(String tenantId, String entryId) {
        knowledge.delete(tenantId, entryId);
        return HttpResponse.noContent();
    }

    @Post(value = "/knowledge:import", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "importKnowledge", summary = "Import entries from a CSV or JSON file (knowledge:write)", description = """
            All or nothing per file. JSON (Content-Type application/json): an array of \
            {title, content, questions[], category, type?, keywords?[], priority?, active?}. CSV (Content-Type text/csv): \
            a header row naming the columns title, content, questions, category and optionally type, keywords, priority, \
            active; several questions or keywords in one cell separated by '|'; RFC 4180 quoting. A bad row rejects the \
            file with 400, naming each row (1 = first entry) and field.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = Schemas.KnowledgeEntryRequest.class))),
            @Content(mediaType = ImportRequests.CSV, schema = @Schema(type = "string"))})
    public HttpResponse<?> importFile(String tenantId, HttpRequest<?> request, @Body byte[] body) {
        ImportFormat format = ImportRequests.format(request.getContentType().orElse(null)).orElse(null);
        if (format == null) {
            return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(AdminError.of("unsupported_media_type",
                    "send the file as application/json or text/csv"));
        }
        ImportReport report = knowledge.importFile(tenantId, format, body);
        return HttpResponse.ok(report);
    }

    @Get(value = "/knowledge/search{?q,k}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchKnowledge", summary = "Search the knowledge base as the agent does", description = "Hybrid: vector similarity and BM25, blended into a score in [0, 1]; best first.")
    public SearchResponse search(String tenantId, @Nullable @QueryValue String q, @QueryValue(defaultValue = "5") int k) {
        Problems problems = new Problems();
        problems.text(q, true, 1000, null, "q");
        problems.check(k >= 1 && k <= 50, null, "k", "must be between 1 and 50");
        problems.throwIfAny();
        tenants.requireExists(tenantId);
        return SearchResponse.of(q, k, search.search(tenantId, q, k));
    }

    private KnowledgeEntryCommand command(byte[] body) {
        Problems problems = new Problems();
        KnowledgeEntryCommand command = KnowledgeEntryCommand.fromJson(bodies.jsonTree(body), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.errors());
        }
        return command;
    }
}
