package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.CatalogItemCommand;
import dev.waagent.backoffice.CatalogItemView;
import dev.waagent.backoffice.CatalogService;
import dev.waagent.backoffice.ImportFormat;
import dev.waagent.backoffice.InvalidInputException;
import dev.waagent.backoffice.TenantService;
import dev.waagent.backoffice.input.Bodies;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.catalog.CatalogLookup;
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

/** A tenant's catalog: CRUD, imports and the fuzzy matcher (writing needs {@code catalog:write}). */
@Controller("/admin/tenants/{tenantId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "catalog")
@SecurityRequirement(name = "bearer")
public class CatalogAdminController {

    private final CatalogService catalog;
    private final CatalogLookup lookup;
    private final TenantService tenants;
    private final Bodies bodies;

    public CatalogAdminController(CatalogService catalog, CatalogLookup lookup, TenantService tenants, Bodies bodies) {
        this.catalog = catalog;
        this.lookup = lookup;
        this.tenants = tenants;
        this.bodies = bodies;
    }

    @Get(value = "/catalog{?page,size}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCatalogItems", summary = "List items (by SKU)")
    public List<CatalogItemView> list(String tenantId, @QueryValue(defaultValue = "0") int page,
                                      @QueryValue(defaultValue = "100") int size) {
        return catalog.list(tenantId, page, size);
    }

    @Post(value = "/catalog", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCatalogItem", summary = "Create an item (catalog:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.CatalogItemRequest.class)))
    public HttpResponse<CatalogItemView> create(String tenantId, @Body byte[] body) {
        return HttpResponse.created(catalog.create(tenantId, command(body)));
    }

    @Get(value = "/catalog/{itemId}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCatalogItem", summary = "Read an item")
    public CatalogItemView get(String tenantId, String itemId) {
        return catalog.get(tenantId, itemId);
    }

    @Put(value = "/catalog/{itemId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCatalogItem", summary = "Replace an item (catalog:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.CatalogItemRequest.class)))
    public CatalogItemView update(String tenantId, String itemId, @Body byte[] body) {
        return catalog.update(tenantId, itemId, command(body));
    }

    @Delete("/catalog/{itemId}")
    @Operation(operationId = "deleteCatalogItem", summary = "Delete an item (catalog:write)")
    public HttpResponse<Void> delete(String tenantId, String itemId) {
        catalog.delete(tenantId, itemId);
        return HttpResponse.noContent();
    }

    @Post(value = "/catalog:import", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "importCatalog", summary = "Import items from a CSV or JSON file (catalog:write)", description = """
            All or nothing per file; rows whose SKU exists update that item, others are created; a SKU twice in one \
            file is refused. JSON: an array of items. CSV: a header row naming the columns (sku, name, category \
            required; aliases as a|b, attributes as key=value|key=value).""")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = Schemas.CatalogItemRequest.class))),
            @Content(mediaType = ImportRequests.CSV, schema = @Schema(type = "string"))})
    public HttpResponse<?> importFile(String tenantId, HttpRequest<?> request, @Body byte[] body) {
        ImportFormat format = ImportRequests.format(request.getContentType().orElse(null)).orElse(null);
        if (format == null) {
            return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(AdminError.of("unsupported_media_type",
                    "send the file as application/json or text/csv"));
        }
        return HttpResponse.ok(catalog.importFile(tenantId, format, body));
    }

    @Get(value = "/catalog/match{?q,k}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "matchCatalog", summary = "What the agent's fuzzy matcher makes of a customer's words", description = "Spelling correction against the tenant's vocabulary, and catalog matches with confidence.")
    public CatalogMatchResponse match(String tenantId, @Nullable @QueryValue String q, @QueryValue(defaultValue = "5") int k) {
        Problems problems = new Problems();
        problems.text(q, true, 1000, null, "q");
        problems.check(k >= 1 && k <= 20, null, "k", "must be between 1 and 20");
        problems.throwIfAny();
        tenants.requireExists(tenantId);
        return CatalogMatchResponse.of(q, lookup.correct(tenantId, q), lookup.match(tenantId, q, k));
    }

    private CatalogItemCommand command(byte[] body) {
        Problems problems = new Problems();
        CatalogItemCommand command = CatalogItemCommand.fromJson(bodies.jsonTree(body), null, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.errors());
        }
        return command;
    }
}
