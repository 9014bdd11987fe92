package dev.waagent.admin;

import dev.waagent.backoffice.ApiScope;
import io.micronaut.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {

    @ParameterizedTest(name = "{0} {1} → operator only {2}, scope {3}")
    @CsvSource({
            "GET,    /admin/tenants,                                  true,  ",
            "POST,   /admin/tenants,                                  true,  ",
            "GET,    /admin/tenants/pune,                             false, ",
            "PUT,    /admin/tenants/pune,                             true,  ",
            "DELETE, /admin/tenants/pune,                             true,  ",
            "POST,   /admin/tenants/pune/publish,                     true,  ",
            "GET,    /admin/tenants/pune/api-keys,                    true,  ",
            "POST,   /admin/tenants/pune/api-keys,                    true,  ",
            "GET,    /admin/tenants/pune/agent-configuration,         false, ",
            "PUT,    /admin/tenants/pune/agent-configuration,         false, config:write",
            "POST,   /admin/tenants/pune/staff,                       false, config:write",
            "PUT,    /admin/tenants/pune/templates/follow_up,         false, config:write",
            "GET,    /admin/tenants/pune/knowledge/search,            false, ",
            "POST,   /admin/tenants/pune/knowledge:import,            false, knowledge:write",
            "DELETE, /admin/tenants/pune/knowledge/e1,                false, knowledge:write",
            "PUT,    /admin/tenants/pune/catalog/i1,                  false, catalog:write",
            "POST,   /admin/tenants/pune/catalog:import,              false, catalog:write",
            "GET,    /admin/tenants/pune/analytics/daily,             false, analytics:read",
            "GET,    /admin/tenants/pune/something-new,               true,  ",
            "GET,    /admin/other,                                    true,  "})
    void everyRouteHasOneRequirementAndUnknownRoutesAreOperatorOnly(String method, String path, boolean operatorOnly, String scope) {
        AccessPolicy.Requirement requirement = AccessPolicy.requirementFor(HttpMethod.valueOf(method), path);

        assertThat(requirement.operatorOnly()).isEqualTo(operatorOnly);
        assertThat(requirement.scope()).isEqualTo(scope == null ? null : ApiScope.parse(scope).orElseThrow());
        if (path.startsWith("/admin/tenants/")) {
            assertThat(requirement.tenantId()).isEqualTo("pune");
        }
    }
}
