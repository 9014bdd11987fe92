package dev.waagent.domain.context;

import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.tools.ToolScope;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
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
    void aBookingWhoseDatesNameADayIsStoredWithThatDayAndGetsItsReminderScheduled() {
        List<BookingReminder> scheduled = new ArrayList<>();
        AgentTools withReminders = new AgentTools(new Catalog(FX3, A7S3), stores, (t, k, n) -> { },
                new RecordedReminders(scheduled));

        // T0 is Saturday 5 December 2026, 15:30 in Pune: "next tuesday" is the 8th.
        ToolResult result = withReminders.execute(scope, new ToolCall("c3", AgentTools.REQUEST_BOOKING,
                "{\"item\":\"fx3\",\"dates\":\"next tuesday\"}"));

        LocalDate tuesday = LocalDate.parse("2026-12-08");
        assertThat(result.content()).contains("\"recorded\":true", "\"date\":\"2026-12-08\"");
        FollowUpRequest stored = stores.requests.get(0);
        assertThat(stored.bookingDate()).isEqualTo(tuesday);
        assertThat(stored.dates()).isEqualTo("next tuesday");
        assertThat(stored.describe()).contains("booking request: Sony FX3, next tuesday → Tue 8 Dec 2026");
        assertThat(scheduled).singleElement().satisfies(reminder -> {
            assertThat(reminder.requestId()).isEqualTo(stored.id());
            assertThat(reminder.item()).isEqualTo("Sony FX3");
            assertThat(reminder.bookingDate()).isEqualTo(tuesday);
            assertThat(reminder.key()).isEqualTo(KEY);
        });
    }

    @Test
    void vagueDatesAndLeadsAreStoredWithoutADayAndNoReminder() {
        List<BookingReminder> scheduled = new ArrayList<>();
        AgentTools withReminders = new AgentTools(new Catalog(FX3, A7S3), stores, (t, k, n) -> { },
                new RecordedReminders(scheduled));

        withReminders.execute(scope, new ToolCall("c4", AgentTools.REQUEST_BOOKING,
                "{\"item\":\"a7siii\",\"dates\":\"sometime next week\"}"));
        withReminders.execute(scope, new ToolCall("c5", AgentTools.CREATE_LEAD, "{\"item\":\"fx3\",\"note\":\"tomorrow\"}"));

        assertThat(stores.requests).hasSize(2).allSatisfy(request -> assertThat(request.bookingDate()).isNull());
        assertThat(scheduled).isEmpty();
    }

    /** Notes what was scheduled; the DynamoDB implementation is exercised end to end in the local module. */
    private record RecordedReminders(List<BookingReminder> scheduled) implements BookingReminders {
        @Override
        public void schedule(BookingReminder reminder) {
            scheduled.add(reminder);
        }

        @Override
        public DuePage due(String tenantId, LocalDate through, int limit, String after) {
            throw new UnsupportedOperationException("tools only schedule");
        }

        @Override
        public boolean claim(BookingReminder reminder, java.time.Instant now) {
            throw new UnsupportedOperationException("tools only schedule");
        }

        @Override
        public void finish(BookingReminder reminder, String outcome, String platformMessageId, java.time.Instant at) {
            throw new UnsupportedOperationException("tools only schedule");
        }
    }

    @Test
    void malformedArgumentsAreReadAsFarAsTheyGo() {
        assertThat(call(AgentTools.SEARCH_CATALOG, "{\"query\": \"fx3\", \"oops").content()).contains("Sony FX3");
        assertThat(call("no_such_tool", "{}").content()).contains("unknown tool");
    }
}
