package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.StaffCommand;
import dev.waagent.backoffice.StaffService;
import dev.waagent.backoffice.StaffView;
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

/** A tenant's staff members (writing needs {@code config:write}). */
@Controller("/admin/tenants/{tenantId}/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "staff")
@SecurityRequirement(name = "bearer")
public class StaffAdminController {

    private final StaffService staff;
    private final Bodies bodies;

    public StaffAdminController(StaffService staff, Bodies bodies) {
        this.staff = staff;
        this.bodies = bodies;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listStaff", summary = "List staff members")
    public List<StaffView> list(String tenantId) {
        return staff.list(tenantId);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStaffMember", summary = "Add a staff member (config:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.StaffRequest.class)))
    public HttpResponse<StaffView> create(String tenantId, @Body byte[] body) {
        return HttpResponse.created(staff.create(tenantId, StaffCommand.fromJson(bodies.jsonTree(body))));
    }

    @Get(value = "/{staffId}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStaffMember", summary = "Read a staff member")
    public StaffView get(String tenantId, String staffId) {
        return staff.get(tenantId, staffId);
    }

    @Put(value = "/{staffId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateStaffMember", summary = "Replace a staff member (config:write)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.StaffRequest.class)))
    public StaffView update(String tenantId, String staffId, @Body byte[] body) {
        return staff.update(tenantId, staffId, StaffCommand.fromJson(bodies.jsonTree(body)));
    }

    @Delete("/{staffId}")
    @Operation(operationId = "deleteStaffMember", summary = "Remove a staff member (config:write)")
    public HttpResponse<Void> delete(String tenantId, String staffId) {
        staff.delete(tenantId, staffId);
        return HttpResponse.noContent();
    }
}
