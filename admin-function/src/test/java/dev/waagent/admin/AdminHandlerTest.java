package dev.waagent.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.llm.routing.ContentVersions;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API through its Lambda entry point, with real API Gateway proxy events: H2 as the back office, DynamoDB
 * Local as the webhook's tenant directory, the shipped ONNX embedding model.
 */
class AdminHandlerTest {

    private static final String OPERATOR_KEY = "test-operator-key-" + UUID.randomUUID();
    private static final String PREFIX = "adm-" + UUID.randomUUID().toString().substring(0, 8);

    private static ApplicationContext context;
    private static AdminHandler handler;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:mem:" + PREFIX
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString());
        properties.put("wa.dynamodb.create-tables", true);
        properties.put("wa.dynamodb.conversations-table", PREFIX + "-conversations");
        properties.put("wa.dynamodb.tenants-table", PREFIX + "-tenants");
        properties.put("wa.secrets.admin-operator-key", OPERATOR_KEY);
        properties.put("wa.metrics.enabled", false);
        context = ApplicationContext.run(properties);
        handler = new AdminHandler(context);
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theOperatorCreatesATenantFromANameAndNumberAndTheWebhookCanResolveIt() throws IOException {
        String number = number();
        APIGatewayProxyResponseEvent response = call("POST", "/admin/tenants", OPERATOR_KEY, "application/json",
                "{\"name\":\"Nashik Lens House\",\"phone_number_id\":\"" + number + "\"}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        Map<String, Object> tenant = body(response);
        assertThat((String) tenant.get("id")).startsWith("nashik-lens-house");
        assertThat(tenant.get("phone_number_id")).isEqualTo(number);
        Tenant published = context.getBean(TenantDirectory.class).findByBusinessNumber("whatsapp", number).orElseThrow();
        assertThat(published.id()).isEqualTo(tenant.get("id"));
        assertThat(published.name()).isEqualTo("Nashik Lens House");
    }

    @Test
    void withoutAValidKeyTheAnswerIsA401WithAJsonReason() throws IOException {
        APIGatewayProxyResponseEvent missing = call("GET", "/admin/tenants", null, null, null);
        APIGatewayProxyResponseEvent wrong = call("GET", "/admin/tenants", "wak_aaaaaaaaaaaaaaaa_not-a-key", null, null);

        assertThat(missing.getStatusCode()).isEqualTo(401);
        assertThat(body(missing)).containsEntry("error", "missing_credentials");
        assertThat(wrong.getStatusCode()).isEqualTo(401);
        assertThat(body(wrong)).containsEntry("error", "invalid_credentials");
    }

    @Test
    void aTenantKeyDoesOnlyWhatItsScopesAllowOnItsOwnTenant() throws IOException {
        String tenant = createTenant("Scoped Shop");
        String kbKey = issueKey(tenant, "knowledge:write");

        assertThat(call("POST", "/admin/tenants", kbKey, "application/json",
                "{\"name\":\"Sneaky\",\"phone_number_id\":\"" + number() + "\"}").getStatusCode()).isEqualTo(403);
        APIGatewayProxyResponseEvent noScope = call("PUT", "/admin/tenants/" + tenant + "/agent-configuration", kbKey,
                "application/json", "{\"agent_name\":\"Mallory\"}");
        assertThat(noScope.getStatusCode()).isEqualTo(403);
        assertThat(body(noScope)).containsEntry("error", "missing_scope");
        assertThat(call("GET", "/admin/tenants/" + tenant + "/agent-configuration", kbKey, null, null).getStatusCode()).isEqualTo(200);
        assertThat(call("POST", "/admin/tenants/" + tenant + "/knowledge", kbKey, "application/json",
                entryJson("Opening hours", "Open daily 10-8.")).getStatusCode()).isEqualTo(201);
        assertThat(call("GET", "/admin/tenants/" + tenant + "/api-keys", kbKey, null, null).getStatusCode()).isEqualTo(403);
    }

    @Test
    void tenantAsKeyCanNeverReadOrSearchTenantBsData() throws IOException {
        String a = createTenant("Tenant A");
        String b = createTenant("Tenant B");
        String aKey = issueKey(a, "knowledge:write", "catalog:write", "config:write");
        APIGatewayProxyResponseEvent created = call("POST", "/admin/tenants/" + b + "/knowledge", OPERATOR_KEY,
                "application/json", entryJson("Zebra striped backdrop policy", "Only tenant B rents zebra backdrops."));
        String bEntry = (String) body(created).get("id");

        for (String path : List.of("/admin/tenants/" + b, "/admin/tenants/" + b + "/knowledge",
                "/admin/tenants/" + b + "/knowledge/" + bEntry, "/admin/tenants/" + b + "/catalog",
                "/admin/tenants/" + b + "/staff", "/admin/tenants/" + b + "/agent-configuration")) {
            APIGatewayProxyResponseEvent response = call("GET", path, aKey, null, null);
            assertThat(response.getStatusCode()).as(path).isEqualTo(403);
            assertThat(body(response)).containsEntry("error", "other_tenant");
        }
        APIGatewayProxyResponseEvent crossSearch = call("GET", "/admin/tenants/" + b + "/knowledge/search", aKey, null, null,
                Map.of("q", "zebra backdrop"));
        assertThat(crossSearch.getStatusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/admin/tenants/" + b + "/knowledge/" + bEntry, aKey, null, null).getStatusCode()).isEqualTo(403);
        // Through its own tenant's path, A's key cannot reach B's entry either.
        assertThat(call("GET", "/admin/tenants/" + a + "/knowledge/" + bEntry, aKey, null, null).getStatusCode()).isEqualTo(404);
        APIGatewayProxyResponseEvent ownSearch = call("GET", "/admin/tenants/" + a + "/knowledge/search", aKey, null, null,
                Map.of("q", "zebra backdrop", "k", "10"));
        assertThat(ownSearch.getStatusCode()).isEqualTo(200);
        assertThat((List<?>) body(ownSearch).get("hits")).isEmpty();
    }

    @Test
    void aJsonImportIsSearchableBestFirst() throws IOException {
        String tenant = createTenant("Import Shop");
        String key = issueKey(tenant, "knowledge:write");
        String file = json.writeValueAsString(List.of(
                entry("Security deposit", "A refundable deposit of 20% of the gear value is taken at pick-up.",
                        List.of("how much is the deposit", "deposit kitna hai"), "payments"),
                entry("Opening hours", "Open Monday to Saturday 10:00-20:00, Sunday 11:00-17:00.",
                        List.of("what time do you open", "are you open on sunday"), "store"),
                entry("Drone rentals", "Drones are rented only to licensed pilots.", List.of("can I rent a drone"), "gear")));

        APIGatewayProxyResponseEvent imported = call("POST", "/admin/tenants/" + tenant + "/knowledge:import", key,
                "application/json", file);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(200);
        assertThat(body(imported)).containsEntry("imported", 3).containsEntry("rejected", 0);

        APIGatewayProxyResponseEvent search = call("GET", "/admin/tenants/" + tenant + "/knowledge/search", key, null, null,
                Map.of("q", "how much money do I leave as security", "k", "3"));
        assertThat(search.getStatusCode()).isEqualTo(200);
        List<Map<String, Object>> hits = hits(search);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0)).containsEntry("title", "Security deposit").containsKeys("id", "category", "score");
        assertThat(hits).extracting(hit -> ((Number) hit.get("score")).doubleValue()).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void aCsvImportWithABadRowIsRefusedWholeNamingRowAndField() throws IOException {
        String tenant = createTenant("Csv Shop");
        String csv = "title,content,questions,category,priority\n"
                + "Hours,Open daily.,when are you open,store,1\n"
                + ",No title here.,q,store,2\n"
                + "Deposit,Refundable.,deposit?,payments,high\n";

        APIGatewayProxyResponseEvent refused = call("POST", "/admin/tenants/" + tenant + "/knowledge:import", OPERATOR_KEY,
                "text/csv", csv);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        Map<String, Object> error = body(refused);
        assertThat(error).containsEntry("error", "import_rejected").containsEntry("imported", 0).containsEntry("rejected", 2);
        assertThat(refused.getBody()).contains("\"row\":2").contains("\"field\":\"title\"").contains("\"row\":3")
                .contains("\"field\":\"priority\"");
        assertThat(list(call("GET", "/admin/tenants/" + tenant + "/knowledge", OPERATOR_KEY, null, null))).isEmpty();

        APIGatewayProxyResponseEvent wrongType = call("POST", "/admin/tenants/" + tenant + "/knowledge:import", OPERATOR_KEY,
                "application/xml", "<entries/>");
        assertThat(wrongType.getStatusCode()).isEqualTo(415);
        assertThat(body(wrongType)).containsEntry("error", "unsupported_media_type");
    }

    @Test
    void unknownFieldsAndMalformedJsonAre400sNamingTheProblem() throws IOException {
        String tenant = createTenant("Strict Shop");
        APIGatewayProxyResponseEvent unknown = call("POST", "/admin/tenants/" + tenant + "/knowledge", OPERATOR_KEY,
                "application/json", "{\"title\":\"t\",\"content\":\"c\",\"questions\":[],\"category\":\"x\",\"colour\":\"red\"}");
        APIGatewayProxyResponseEvent malformed = call("POST", "/admin/tenants/" + tenant + "/knowledge", OPERATOR_KEY,
                "application/json", "{\"title\":");
        APIGatewayProxyResponseEvent badPrice = call("POST", "/admin/tenants/" + tenant + "/catalog", OPERATOR_KEY,
                "application/json", "{\"sku\":\"X-1\",\"name\":\"X\",\"category\":\"c\",\"price\":\"free\"}");

        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getBody()).contains("\"field\":\"colour\"").contains("unknown field");
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(body(malformed)).containsEntry("error", "invalid_input");
        assertThat(badPrice.getStatusCode()).isEqualTo(400);
        assertThat(badPrice.getBody()).contains("\"field\":\"price\"");
    }

    @Test
    void agentConfigurationIsReadAndReplacedWithConfigWrite() throws IOException {
        String tenant = createTenant("Configured Shop");
        String key = issueKey(tenant, "config:write");

        APIGatewayProxyResponseEvent put = call("PUT", "/admin/tenants/" + tenant + "/agent-configuration", key,
                "application/json", "{\"version\":1,\"agent_name\":\"Asha\",\"tone\":\"casual\",\"confidence_threshold\":0.6}");
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        assertThat(body(put)).containsEntry("version", 2).containsEntry("agent_name", "Asha").containsEntry("tone", "casual");
        assertThat(context.getBean(TenantDirectory.class).findById(tenant).orElseThrow().agentName()).isEqualTo("Asha");

        APIGatewayProxyResponseEvent stale = call("PUT", "/admin/tenants/" + tenant + "/agent-configuration", key,
                "application/json", "{\"version\":1,\"agent_name\":\"Late\"}");
        assertThat(stale.getStatusCode()).isEqualTo(409);
        APIGatewayProxyResponseEvent invalid = call("PUT", "/admin/tenants/" + tenant + "/agent-configuration", key,
                "application/json", "{\"agent_name\":\"A\",\"confidence_threshold\":7}");
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("confidence_threshold");
    }

    @Test
    void catalogItemsAreImportedAndMatchedFromCustomersSpelling() throws IOException {
        String tenant = createTenant("Catalog Shop");
        String key = issueKey(tenant, "catalog:write");
        String file = """
                [{"sku":"CAM-A7S3","name":"Sony A7S III","aliases":["a7s3"],"category":"cameras","price":3000,"currency":"INR","price_unit":"per_day"},
                 {"sku":"CAM-FX3","name":"Sony FX3","category":"cameras","price":3500,"currency":"INR","price_unit":"per_day"}]""";
        assertThat(call("POST", "/admin/tenants/" + tenant + "/catalog:import", key, "application/json", file).getStatusCode()).isEqualTo(200);

        APIGatewayProxyResponseEvent match = call("GET", "/admin/tenants/" + tenant + "/catalog/match", key, null, null,
                Map.of("q", "is the a7siii free tomorrow"));
        assertThat(match.getStatusCode()).isEqualTo(200);
        Map<String, Object> answer = body(match);
        assertThat(answer.get("corrected")).isEqualTo("is the A7S III free tomorrow");
        List<Map<String, Object>> matches = cast(answer.get("matches"));
        assertThat(matches.get(0)).containsEntry("sku", "CAM-A7S3");

        APIGatewayProxyResponseEvent duplicate = call("POST", "/admin/tenants/" + tenant + "/catalog", key, "application/json",
                "{\"sku\":\"CAM-FX3\",\"name\":\"Another\",\"category\":\"cameras\"}");
        assertThat(duplicate.getStatusCode()).isEqualTo(400);
        assertThat(duplicate.getBody()).contains("\"field\":\"sku\"");
    }

    @Test
    void staffMembersAreManagedWithConfigWrite() throws IOException {
        String tenant = createTenant("Staffed Shop");
        String key = issueKey(tenant, "config:write");
        APIGatewayProxyResponseEvent created = call("POST", "/admin/tenants/" + tenant + "/staff", key, "application/json",
                "{\"wa_id\":\"919812345678\",\"name\":\"Ravi\",\"role\":\"owner\"}");
        assertThat(created.getStatusCode()).isEqualTo(201);
        String id = (String) body(created).get("id");

        assertThat(list(call("GET", "/admin/tenants/" + tenant + "/staff", key, null, null))).hasSize(1);
        assertThat(call("DELETE", "/admin/tenants/" + tenant + "/staff/" + id, key, null, null).getStatusCode()).isEqualTo(204);
        assertThat(list(call("GET", "/admin/tenants/" + tenant + "/staff", key, null, null))).isEmpty();
    }

    @Test
    void aRevokedKeyIsRefused() throws IOException {
        String tenant = createTenant("Revoking Shop");
        APIGatewayProxyResponseEvent issued = call("POST", "/admin/tenants/" + tenant + "/api-keys", OPERATOR_KEY,
                "application/json", "{\"name\":\"temp\",\"scopes\":[\"analytics:read\"]}");
        Map<String, Object> key = body(issued);
        assertThat(call("GET", "/admin/tenants/" + tenant, (String) key.get("key"), null, null).getStatusCode()).isEqualTo(200);

        call("DELETE", "/admin/tenants/" + tenant + "/api-keys/" + key.get("id"), OPERATOR_KEY, null, null);

        assertThat(call("GET", "/admin/tenants/" + tenant, (String) key.get("key"), null, null).getStatusCode()).isEqualTo(401);
        assertThat(call("GET", "/admin/tenants/" + tenant + "/api-keys", OPERATOR_KEY, null, null).getBody())
                .doesNotContain((String) key.get("key"));
    }

    @Test
    void theOpenApiDescriptionIsServedWithoutAKey() {
        APIGatewayProxyResponseEvent response = call("GET", "/admin/openapi.yml", null, null, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("openapi: 3").contains("/admin/tenants/{tenantId}/knowledge:import")
                .contains("phone_number_id").contains("bearer");
    }

    @Test
    void thousandsOfInvocationsDoNotGrowTheContext() {
        call("GET", "/admin/openapi.yml", null, null, null);
        int before = context.getAllBeanDefinitions().size();
        for (int i = 0; i < 1_000; i++) {
            call("GET", "/admin/tenants", null, null, null);
        }
        assertThat(context.getAllBeanDefinitions().size()).isEqualTo(before);
    }

    @Test
    void knowledgeCatalogAndConfigurationChangesBumpTheTenantsContentVersionInDynamoDb() throws IOException {
        String tenant = createTenant("Versioned Shop");
        String other = createTenant("Untouched Shop");
        ContentVersions versions = context.getBean(ContentVersions.class);
        assertThat(versions).isInstanceOf(dev.waagent.dynamodb.DynamoDbContentVersions.class);
        long before = versions.current(tenant);

        String knowledgeKey = issueKey(tenant, "knowledge:write");
        assertThat(call("POST", "/admin/tenants/" + tenant + "/knowledge", knowledgeKey, "application/json",
                entryJson("Deposit", "A refundable deposit of 20% is taken.")).getStatusCode()).isEqualTo(201);
        assertThat(versions.current(tenant)).isEqualTo(before + 1);

        String catalogKey = issueKey(tenant, "catalog:write");
        assertThat(call("POST", "/admin/tenants/" + tenant + "/catalog", catalogKey, "application/json",
                "{\"sku\":\"LENS-50\",\"name\":\"Sony 50mm f/1.8\",\"category\":\"lenses\"}").getStatusCode())
                .isEqualTo(201);
        assertThat(call("PUT", "/admin/tenants/" + tenant + "/agent-configuration", issueKey(tenant, "config:write"),
                "application/json", "{\"agent_name\":\"Asha\"}").getStatusCode()).isEqualTo(200);
        assertThat(versions.current(tenant)).isEqualTo(before + 3);

        // A refused change and another tenant's version stay as they were.
        assertThat(call("POST", "/admin/tenants/" + tenant + "/catalog", catalogKey, "application/json",
                "{\"sku\":\"LENS-50\",\"name\":\"Again\",\"category\":\"lenses\"}").getStatusCode()).isEqualTo(400);
        assertThat(versions.current(tenant)).isEqualTo(before + 3);
        assertThat(versions.current(other)).isZero();
    }

    @Test
    void aChangedNumberOrASuspendedTenantNoLongerResolvesFromItsOldNumber() throws IOException {
        String oldNumber = number();
        APIGatewayProxyResponseEvent created = call("POST", "/admin/tenants", OPERATOR_KEY, "application/json",
                "{\"name\":\"Moving Shop\",\"phone_number_id\":\"" + oldNumber + "\"}");
        String tenant = (String) body(created).get("id");
        TenantDirectory directory = context.getBean(TenantDirectory.class);
        assertThat(directory.findByBusinessNumber("whatsapp", oldNumber)).isPresent();

        String newNumber = number();
        APIGatewayProxyResponseEvent moved = call("PUT", "/admin/tenants/" + tenant, OPERATOR_KEY, "application/json",
                "{\"name\":\"Moving Shop\",\"phone_number_id\":\"" + newNumber + "\"}");
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(200);
        assertThat(directory.findByBusinessNumber("whatsapp", oldNumber)).isEmpty();
        assertThat(directory.findByBusinessNumber("whatsapp", newNumber)).map(Tenant::id).contains(tenant);

        assertThat(call("DELETE", "/admin/tenants/" + tenant, OPERATOR_KEY, null, null).getStatusCode()).isEqualTo(200);
        assertThat(directory.findByBusinessNumber("whatsapp", newNumber)).isEmpty();
        assertThat(directory.findById(tenant)).map(Tenant::active).contains(false);
    }

    @Test
    void analyticsReturnsTheStoredDailyRollupsOfTheRangeWithTheirTotals() throws IOException {
        String tenant = createTenant("Analytics Shop");
        RollupStore rollups = context.getBean(RollupStore.class);
        rollups.saveIfAbsent(rollup(tenant, "2026-11-30", 40, 35, Map.of("human_request", 1), "openai", 0.12));
        rollups.saveIfAbsent(rollup(tenant, "2026-12-01", 10, 9, Map.of("complaint", 2), "groq", 0.01));
        rollups.saveIfAbsent(rollup(tenant, "2026-12-02", 25, 20, Map.of("human_request", 3), "openai", 0.08));
        String key = issueKey(tenant, "analytics:read");

        APIGatewayProxyResponseEvent response = call("GET", "/admin/tenants/" + tenant + "/analytics", key, null, null,
                Map.of("from", "2026-12-01", "to", "2026-12-07"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        Map<String, Object> answer = body(response);
        assertThat(answer).containsEntry("tenant_id", tenant).containsEntry("from", "2026-12-01")
                .containsEntry("to", "2026-12-07");
        List<Map<String, Object>> days = cast(answer.get("days"));
        assertThat(days).extracting(d -> d.get("day")).containsExactly("2026-12-01", "2026-12-02");
        assertThat(days.get(0)).containsEntry("messages_in", 10).containsEntry("messages_out", 9)
                .containsEntry("handoffs", 2).containsEntry("p95_reply_ms", 1500).containsEntry("leads", 2)
                .containsEntry("booking_requests", 1);
        Map<String, Object> totals = cast(answer.get("totals"));
        assertThat(totals).containsEntry("days_rolled_up", 2).containsEntry("messages_in", 35)
                .containsEntry("messages_out", 29).containsEntry("handoffs", 5)
                .containsEntry("handoff_reasons", Map.of("complaint", 2, "human_request", 3))
                .containsEntry("prompt_tokens", 2000).containsEntry("completion_tokens", 400)
                .containsEntry("max_p95_reply_ms", 1500).containsEntry("leads", 7)
                .containsEntry("booking_requests", 2);
        assertThat(((Number) totals.get("cost_usd")).doubleValue()).isCloseTo(0.09, org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Map<String, Object>> usage = cast(totals.get("usage_by_provider"));
        assertThat(usage.keySet()).containsExactly("groq", "openai");
        List<Map<String, Object>> top = cast(totals.get("top_questions"));
        assertThat(top.get(0)).containsEntry("question", "is the fx3 free tomorrow").containsEntry("count", 8);

        // The operator may read it too; a range with nothing rolled up is empty, not an error.
        APIGatewayProxyResponseEvent empty = call("GET", "/admin/tenants/" + tenant + "/analytics", OPERATOR_KEY, null,
                null, Map.of("from", "2025-01-01", "to", "2025-01-31"));
        assertThat(empty.getStatusCode()).isEqualTo(200);
        assertThat((List<?>) body(empty).get("days")).isEmpty();
        Map<String, Object> emptyTotals = cast(body(empty).get("totals"));
        assertThat(emptyTotals).containsEntry("days_rolled_up", 0).containsEntry("messages_in", 0);
    }

    @Test
    void analyticsRangesAreCheckedWithAJsonErrorNamingTheParameter() throws IOException {
        String tenant = createTenant("Range Shop");
        String key = issueKey(tenant, "analytics:read");
        String path = "/admin/tenants/" + tenant + "/analytics";

        APIGatewayProxyResponseEvent tooLong = call("GET", path, key, null, null,
                Map.of("from", "2026-01-01", "to", "2026-04-03"));
        assertThat(tooLong.getStatusCode()).isEqualTo(400);
        assertThat(body(tooLong)).containsEntry("error", "invalid_input");
        List<Map<String, Object>> errors = cast(body(tooLong).get("errors"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "to");
            assertThat((String) e.get("message")).contains("93 days").contains("at most 92");
        });
        assertThat(call("GET", path, key, null, null, Map.of("from", "2026-01-01", "to", "2026-04-02"))
                .getStatusCode()).as("92 days, both ends included").isEqualTo(200);

        APIGatewayProxyResponseEvent backwards = call("GET", path, key, null, null,
                Map.of("from", "2026-03-02", "to", "2026-03-01"));
        assertThat(backwards.getStatusCode()).isEqualTo(400);
        assertThat(backwards.getBody()).contains("must not be before from");

        APIGatewayProxyResponseEvent malformed = call("GET", path, key, null, null, Map.of("from", "01/03/2026"));
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        List<Map<String, Object>> both = cast(body(malformed).get("errors"));
        assertThat(both).extracting(e -> e.get("field")).containsExactlyInAnyOrder("from", "to");
    }

    @Test
    void analyticsNeedsTheAnalyticsScopeOnTheTenantsOwnKey() throws IOException {
        String tenant = createTenant("Private Analytics Shop");
        String otherTenant = createTenant("Curious Shop");
        context.getBean(RollupStore.class).saveIfAbsent(rollup(tenant, "2026-12-01", 5, 5, Map.of(), "openai", 0.01));
        Map<String, String> range = Map.of("from", "2026-12-01", "to", "2026-12-01");
        String path = "/admin/tenants/" + tenant + "/analytics";

        APIGatewayProxyResponseEvent otherKey = call("GET", path, issueKey(otherTenant, "analytics:read"), null, null,
                range);
        assertThat(otherKey.getStatusCode()).isEqualTo(403);
        assertThat(otherKey.getBody()).doesNotContain("messages_in");
        assertThat(body(otherKey)).containsKey("error");
        assertThat(call("GET", path, issueKey(tenant, "knowledge:write"), null, null, range).getStatusCode())
                .isEqualTo(403);
        assertThat(call("GET", path, null, null, null, range).getStatusCode()).isEqualTo(401);
        assertThat(call("GET", path, issueKey(tenant, "analytics:read"), null, null, range).getStatusCode())
                .isEqualTo(200);
    }

    private static DailyRollup rollup(String tenant, String day, int in, int out, Map<String, Integer> handoffs,
                                      String provider, double cost) {
        return new DailyRollup(tenant, java.time.LocalDate.parse(day), "Asia/Kolkata", in, out, in / 2,
                handoffs.values().stream().mapToInt(Integer::intValue).sum(), handoffs, in / 5, 1,
                List.of(new DailyRollup.QuestionCount("is the fx3 free tomorrow", 4)), 1, List.of("do you deliver"),
                0, List.of(), Map.of(provider, new DailyRollup.ProviderUsage(out, 1000, 200, cost)), 1500, out, false,
                java.time.Instant.parse(day + "T23:59:00Z"));
    }

    private static String createTenant(String name) throws IOException {
        APIGatewayProxyResponseEvent response = call("POST", "/admin/tenants", OPERATOR_KEY, "application/json",
                "{\"name\":\"" + name + "\",\"phone_number_id\":\"" + number() + "\"}");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return (String) body(response).get("id");
    }

    private static String issueKey(String tenant, String... scopes) throws IOException {
        APIGatewayProxyResponseEvent response = call("POST", "/admin/tenants/" + tenant + "/api-keys", OPERATOR_KEY,
                "application/json", json.writeValueAsString(Map.of("name", "test", "scopes", List.of(scopes))));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return (String) body(response).get("key");
    }

    private static String number() {
        return Long.toString(700_000_000_000_000L + (long) (Math.random() * 1e14));
    }

    private static Map<String, Object> entry(String title, String content, List<String> questions, String category) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("title", title);
        entry.put("content", content);
        entry.put("questions", questions);
        entry.put("category", category);
        return entry;
    }

    private static String entryJson(String title, String content) throws IOException {
        return json.writeValueAsString(entry(title, content, List.of(), "general"));
    }

    private static APIGatewayProxyResponseEvent call(String method, String path, String key, String contentType, String body) {
        return call(method, path, key, contentType, body, Map.of());
    }

    private static APIGatewayProxyResponseEvent call(String method, String path, String key, String contentType, String body,
                                                     Map<String, String> query) {
        try {
            APIGatewayProxyRequestEvent event = json.readValue(resource("apigateway-admin-request.json"), APIGatewayProxyRequestEvent.class);
            event.setHttpMethod(method);
            event.setPath(path);
            event.getRequestContext().setHttpMethod(method);
            event.getRequestContext().setPath("/prod" + path);
            event.setPathParameters(Map.of("proxy", path.substring("/admin/".length())));
            Map<String, String> headers = new HashMap<>(event.getHeaders());
            Map<String, List<String>> multi = new HashMap<>(event.getMultiValueHeaders());
            if (key != null) {
                headers.put("Authorization", "Bearer " + key);
                multi.put("Authorization", List.of("Bearer " + key));
            }
            if (path.endsWith(".yml")) {
                headers.put("Accept", "*/*");
                multi.put("Accept", List.of("*/*"));
            }
            if (contentType != null) {
                headers.put("Content-Type", contentType);
                multi.put("Content-Type", List.of(contentType));
            }
            event.setHeaders(headers);
            event.setMultiValueHeaders(multi);
            if (!query.isEmpty()) {
                event.setQueryStringParameters(query);
                Map<String, List<String>> multiQuery = new HashMap<>();
                query.forEach((name, value) -> multiQuery.put(name, List.of(value)));
                event.setMultiValueQueryStringParameters(multiQuery);
            }
            event.setBody(body);
            return handler.handleRequest(event, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> body(APIGatewayProxyResponseEvent response) throws IOException {
        return cast(json.readValue(response.getBody(), Map.class));
    }

    private static List<Map<String, Object>> list(APIGatewayProxyResponseEvent response) throws IOException {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json.readValue(response.getBody(), io.micronaut.core.type.Argument.listOf(
                io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    private static List<Map<String, Object>> hits(APIGatewayProxyResponseEvent response) throws IOException {
        return cast(body(response).get("hits"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AdminHandlerTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
