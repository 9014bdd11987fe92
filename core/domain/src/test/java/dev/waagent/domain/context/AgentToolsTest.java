package dev.waagent.domain.context;

import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.tools.ToolScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.waagent.domain.context.ContextFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class AgentToolsTest {

    private final Stores stores = new Stores();
    private final AgentTools tools = new AgentTools(new Catalog(FX3, A7S3), stores, (t, k, n) -> { });
    private final ToolScope scope = new ToolScope(PUNE, KEY, T0);

    private ToolResult call(String name, String arguments) {
        return tools.execute(scope, new ToolCall("c1", name, arguments));
    }

    @Test
    void quotePriceMultipliesTheCatalogDayRateAndNeverTakesAPriceFromTheModel() {
        ToolResult result = call(AgentTools.QUOTE_PRICE, "{\"item\":\"fx3\",\"days\":3,\"price\":1}");
        assertThat(result.content()).contains("\"unit_price\":\"₹3,500\"", "\"total\":\"₹10,500\"");
        assertThat(result.prices()).extracting(p -> p.formatted()).containsExactly("₹3,500", "₹10,500");
    }

    @Test
    void anItemNotInTheCatalogIsReportedAsNotFoundWithoutAPrice() {
        ToolResult result = call(AgentTools.QUOTE_PRICE, "{\"item\":\"red camera\"}");
        assertThat(result.content()).contains("\"found\":false");
        assertThat(result.prices()).isEmpty();
    }

    @Test
    void availabilityComesFromStockAndStatus() {
        assertThat(call(AgentTools.CHECK_AVAILABILITY, "{\"item\":\"a7siii\",\"dates\":\"Sat\"}").content())
                .contains("\"item\":\"Sony A7S III\"", "\"available\":true", "\"dates\":\"Sat\"");
    }

    @Test
    void businessHoursSayWhetherTheShopIsOpenNowInItsTimeZone() {
        Tenant withHours = new Tenant(PUNE.id(), PUNE.name(), PUNE.channel(), PUNE.businessNumberId(), null, null, null,
                "Asha", "", "", PUNE.timezone(), List.of("en"), List.of(), true, List.of(),
                OpeningHours.parse(Map.of("sat", "10:00-20:00", "sun", "closed")), List.of());
        // 10:00 UTC on Saturday 5 December 2026 is 15:30 in Pune.
        ToolResult result = tools.execute(new ToolScope(withHours, KEY, T0), new ToolCall("c2", AgentTools.BUSINESS_HOURS, "{}"));
        assertThat(result.content()).contains("\"open_now\":true", "\"sat\":\"10:00-20:00\"", "Asia/Kolkata");
    }

    @Test
    void malformedArgumentsAreReadAsFarAsTheyGo() {
        assertThat(call(AgentTools.SEARCH_CATALOG, "{\"query\": \"fx3\", \"oops").content()).contains("Sony FX3");
        assertThat(call("no_such_tool", "{}").content()).contains("unknown tool");
    }
}
