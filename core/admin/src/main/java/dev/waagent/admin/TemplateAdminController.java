package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.ApprovedTemplateCommand;
import dev.waagent.backoffice.ApprovedTemplateService;
import dev.waagent.backoffice.ApprovedTemplateView;
import dev.waagent.backoffice.input.Bodies;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
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

/**
 * A tenant's Meta-approved message templates, one per purpose ({@code follow_up}, {@code booking_reminder},
 * {@code staff_alert} for notices to staff numbers): the only messages the agent may send outside WhatsApp's 24-hour
 * window. Writing needs {@code config:write}.
 */
@Controller("/admin/tenants/{tenantId}/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "templates")
@SecurityRequirement(name = "bearer")
public class TemplateAdminController {

    private final ApprovedTemplateService templates;
    private final Bodies bodies;

    public TemplateAdminController(ApprovedTemplateService templates, Bodies bodies) {
        this.templates = templates;
        this.bodies = bodies;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listApprovedTemplates", summary = "List approved templates")
    public List<ApprovedTemplateView> list(String tenantId) {
        return templates.list(tenantId);
    }

    @Put(value = "/{purpose}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "putApprovedTemplate", summary = "Set the approved template for a purpose (config:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.ApprovedTemplateRequest.class)))
    public ApprovedTemplateView put(String tenantId, String purpose, @Body byte[] body) {
        return templates.put(tenantId, ApprovedTemplateCommand.fromJson(purpose, bodies.jsonTree(body)));
    }

    @Delete("/{purpose}")
    @Operation(operationId = "deleteApprovedTemplate", summary = "Remove the approved template for a purpose (config:write)")
    public HttpResponse<Void> delete(String tenantId, String purpose) {
        templates.delete(tenantId, purpose);
        return HttpResponse.noContent();
    }
}
