package dev.waagent.admin;

import dev.waagent.admin.openapi.Schemas;
import dev.waagent.backoffice.ApiKeyService;
import dev.waagent.backoffice.ApiKeyView;
import dev.waagent.backoffice.input.Bodies;
import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/** A tenant's API keys (operator only). The secret is in the answer that issues the key, and nowhere else. */
@Controller("/admin/tenants/{tenantId}/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "api keys")
@SecurityRequirement(name = "bearer")
public class ApiKeyAdminController {

    private final ApiKeyService keys;
    private final Bodies bodies;

    public ApiKeyAdminController(ApiKeyService keys, Bodies bodies) {
        this.keys = keys;
        this.bodies = bodies;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueApiKey", summary = "Issue a key (operator)", description = "The answer's `key` is the only copy of the secret: store it now.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schemas.ApiKeyRequest.class)))
    public HttpResponse<ApiKeyView> issue(String tenantId, @Body byte[] body) {
        Problems problems = new Problems();
        JsonFields json = new JsonFields(bodies.jsonTree(body), null, problems, Set.of("name", "scopes"));
        String name = json.string("name");
        List<String> scopes = json.strings("scopes");
        problems.throwIfAny();
        return HttpResponse.created(keys.issue(tenantId, name, scopes));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "listApiKeys", summary = "List keys (operator; never their secrets)")
    public List<ApiKeyView> list(String tenantId) {
        return keys.list(tenantId);
    }

    @Delete("/{keyId}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key (operator)")
    public HttpResponse<Void> revoke(String tenantId, String keyId) {
        keys.revoke(tenantId, keyId);
        return HttpResponse.noContent();
    }
}
