package dev.waagent.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * Run by {@link ShadedAdminJarIT} on the deployable jar alone (plus this class and {@link ProbeTenantDirectory}):
 * creates a tenant, imports an entry (ONNX embedding) and searches it, through the handler.
 */
public final class ShadedAdminJarProbe {

    private ShadedAdminJarProbe() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:mem:probe;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "datasources.default.driver-class-name", "org.h2.Driver",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "wa.secrets.admin-operator-key", "probe-key",
                "wa.metrics.enabled", false,
                "wa.probe", true))) {
            AdminHandler handler = new AdminHandler(context);
            expect(handler, "POST", "/admin/tenants", "{\"name\":\"Probe\",\"phone_number_id\":\"123456789\"}", 201);
            expect(handler, "POST", "/admin/tenants/probe/knowledge:import",
                    "[{\"title\":\"Opening hours\",\"content\":\"Open daily 10-8.\",\"questions\":[\"when are you open\"],\"category\":\"store\"}]", 200);
            APIGatewayProxyResponseEvent search = expect(handler, "GET", "/admin/tenants/probe/knowledge/search", null, 200);
            if (!search.getBody().contains("Opening hours")) {
                throw new IllegalStateException("search found nothing: " + search.getBody());
            }
        }
        System.out.println("SHADED-ADMIN-JAR-OK");
    }

    private static APIGatewayProxyResponseEvent expect(AdminHandler handler, String method, String path, String body, int status) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(method);
        event.setPath(path);
        event.setHeaders(Map.of("Authorization", "Bearer probe-key", "Content-Type", "application/json", "Accept", "application/json"));
        if (path.endsWith("/search")) {
            event.setQueryStringParameters(Map.of("q", "what time do you open"));
        }
        event.setBody(body);
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }
}
