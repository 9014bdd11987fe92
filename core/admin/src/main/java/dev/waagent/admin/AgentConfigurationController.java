package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.AgentConfigurationCommand;
import dev.waagent.backoffice.AgentConfigurationService;
import dev.waagent.backoffice.AgentConfigurationView;
import dev.waagent.backoffice.input.Bodies;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

/** A tenant's agent configuration (writing needs {@code config:write}). */
@Controller("/admin/tenants/{tenantId}/agent-configuration")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "agent configuration")
@SecurityRequirement(name = "bearer")
public class AgentConfigurationController {

    private final AgentConfigurationService configurations;
    private final Bodies bodies;

    public AgentConfigurationController(AgentConfigurationService configurations, Bodies bodies) {
        this.configurations = configurations;
        this.bodies = bodies;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAgentConfiguration", summary = "Read the agent configuration")
    public AgentConfigurationView get(String tenantId) {
        return AgentConfigurationView.of(configurations.get(tenantId));
    }

    @Put(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceAgentConfiguration", summary = "Replace the agent configuration (config:write)",
            description = "Validated; the version grows by one; the worker sees it within its cache TTL (5 minutes) or at once in the same process.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.AgentConfigurationRequest.class)))
    public AgentConfigurationView replace(String tenantId, @Body byte[] body) {
        return AgentConfigurationView.of(configurations.replace(tenantId,
                AgentConfigurationCommand.fromJson(tenantId, bodies.jsonTree(body))));
    }
}
