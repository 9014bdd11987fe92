package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.TenantCommand;
import dev.waagent.backoffice.TenantService;
import dev.waagent.backoffice.TenantView;
import dev.waagent.backoffice.input.Bodies;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Tenants (operator key; a tenant key may read its own tenant). */
@Controller("/admin/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "tenants")
@SecurityRequirement(name = "bearer")
public class TenantAdminController {

    private final TenantService tenants;
    private final Bodies bodies;

    public TenantAdminController(TenantService tenants, Bodies bodies) {
        this.tenants = tenants;
        this.bodies = bodies;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTenant", summary = "Create a tenant (operator)", description = "Creates the tenant with a default agent configuration and publishes it to the webhook's tenant directory; returns it with its id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.TenantRequest.class)))
    public HttpResponse<TenantView> create(@Body byte[] body) {
        return HttpResponse.created(tenants.create(TenantCommand.fromJson(bodies.jsonTree(body))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listTenants", summary = "List tenants (operator)")
    public List<TenantView> list() {
        return tenants.list();
    }

    @Get(value = "/{tenantId}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getTenant", summary = "Read a tenant")
    public TenantView get(String tenantId) {
        return tenants.get(tenantId);
    }

    @Put(value = "/{tenantId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTenant", summary = "Replace a tenant's profile (operator)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.TenantRequest.class)))
    public TenantView update(String tenantId, @Body byte[] body) {
        return tenants.update(tenantId, TenantCommand.fromJson(bodies.jsonTree(body)));
    }

    @Delete(value = "/{tenantId}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "suspendTenant", summary = "Suspend a tenant (operator)", description = "Tenants are never deleted: a suspended tenant's messages are no longer answered.")
    public TenantView suspend(String tenantId) {
        return tenants.suspend(tenantId);
    }

    @Post(value = "/{tenantId}/publish", consumes = MediaType.ALL)
    @Operation(operationId = "republishTenant", summary = "Republish a tenant to the webhook's tenant directory (operator)")
    public HttpResponse<Void> republish(String tenantId) {
        tenants.republish(tenantId);
        return HttpResponse.noContent();
    }
}
