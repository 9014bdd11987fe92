package dev.waagent.admin.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI description's header; micronaut-openapi generates the rest from the controllers at compile time
 * ({@code META-INF/swagger/wa-agent-admin-api-1.0.yml}, served at {@code GET /admin/openapi.yml}).
 */
@OpenAPIDefinition(info = @Info(title = "wa-agent admin API", version = "1.0",
        description = """
                Back office of the wa-agent WhatsApp agent: tenants, agent configuration, knowledge base (with \
                import and search), catalog, staff and API keys. Every call takes `Authorization: Bearer <key>`: the \
                operator key (WA_ADMIN_KEY locally) acts on every tenant; a tenant API key reads its own tenant and \
                writes what its scopes allow (config:write, knowledge:write, catalog:write, analytics:read). \
                Errors are `{"error", "message", "errors"?: [{"row"?, "field", "message"}]}`."""))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class AdminApiDefinition {

    private AdminApiDefinition() {
    }
}
