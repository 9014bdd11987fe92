package dev.waagent.domain.tools;

import dev.waagent.domain.booking.BookingDateParser;
import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.domain.schedule.StaffNotices;
import dev.waagent.domain.tenant.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The functions the model may call. Prices come only from the tenant's catalog ({@code quote_price} multiplies the
 * catalog price; it never takes a price from the model), leads and bookings are stored for staff follow-up, and
 * {@code hand_off} asks for a person.
 */
public final class AgentTools {

    public static final String SEARCH_CATALOG = "search_catalog";
    public static final String CHECK_AVAILABILITY = "check_availability";
    public static final String QUOTE_PRICE = "quote_price";
    public static final String CREATE_LEAD = "create_lead";
    public static final String REQUEST_BOOKING = "request_booking";
    public static final String BUSINESS_HOURS = "business_hours";
    public static final String HAND_OFF = "hand_off";

    private static final Logger LOG = LoggerFactory.getLogger(AgentTools.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH);

    /** Compact schemas: every definition is sent with every prompt and counts against its budget. */
    private static final List<ToolDefinition> DEFINITIONS = List.of(
            new ToolDefinition(SEARCH_CATALOG, "Find items in the catalog (name, price, availability).",
                    "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}"),
            new ToolDefinition(CHECK_AVAILABILITY, "Check if an item is available for dates.",
                    "{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"},\"dates\":{\"type\":\"string\"}},\"required\":[\"item\"]}"),
            new ToolDefinition(QUOTE_PRICE, "Price of an item for a number of days, from the catalog. Use for every price.",
                    "{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"}},\"required\":[\"item\"]}"),
            new ToolDefinition(CREATE_LEAD, "Save the customer's interest for staff follow-up.",
                    "{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}}}"),
            new ToolDefinition(REQUEST_BOOKING, "Request a booking or test drive; staff confirm it.",
                    "{\"type\":\"object\",\"properties\":{\"item\":{\"type\":\"string\"},\"dates\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}},\"required\":[\"item\"]}"),
            new ToolDefinition(BUSINESS_HOURS, "Opening hours and whether the business is open now.",
                    "{\"type\":\"object\",\"properties\":{}}"),
            new ToolDefinition(HAND_OFF, "Hand the conversation to a person.",
                    "{\"type\":\"object\",\"properties\":{\"reason\":{\"type\":\"string\"}}}"));

    private final CatalogLookup catalog;
    private final FollowUpRequests followUps;
    private final StaffNotices staff;
    private final BookingReminders reminders;
    private final BookingDateParser bookingDates = new BookingDateParser();

    /** Booking requests are stored with their day, but no reminder is scheduled. */
    public AgentTools(CatalogLookup catalog, FollowUpRequests followUps, StaffNotices staff) {
        this(catalog, followUps, staff, null);
    }

    /** @param reminders where a booking with a concrete day gets its reminder scheduled; {@code null}: none */
    public AgentTools(CatalogLookup catalog, FollowUpRequests followUps, StaffNotices staff, BookingReminders reminders) {
        this.catalog = catalog;
        this.followUps = followUps;
        this.staff = staff;
        this.reminders = reminders;
    }

    public List<ToolDefinition> definitions() {
        return DEFINITIONS;
    }

    /** Runs one call; never throws (a failure is reported to the model as an error result). */
    public ToolResult execute(ToolScope scope, ToolCall call) {
        ToolArguments args = ToolArguments.parse(call.argumentsJson());
        String arguments = call.argumentsJson() == null ? "{}" : call.argumentsJson();
        try {
            return switch (call.name() == null ? "" : call.name()) {
                case SEARCH_CATALOG -> searchCatalog(scope, call, arguments, args);
                case CHECK_AVAILABILITY -> checkAvailability(scope, call, arguments, args);
                case QUOTE_PRICE -> quotePrice(scope, call, arguments, args);
                case CREATE_LEAD -> followUp(scope, call, arguments, args, FollowUpRequest.Kind.LEAD);
                case REQUEST_BOOKING -> followUp(scope, call, arguments, args, FollowUpRequest.Kind.BOOKING);
                case BUSINESS_HOURS -> businessHours(scope, call, arguments);
                case HAND_OFF -> new ToolResult(call.id(), call.name(), arguments,
                        "{\"handed_off\":true,\"tell_customer\":\"a team member will reply\"}", List.of(),
                        args.text("reason").orElse("the assistant asked for a person"));
                default -> error(call, arguments, "unknown tool " + call.name());
            };
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed: {}", call.name(), e.toString());
            return error(call, arguments, "the tool failed; say a team member will confirm");
        }
    }

    private ToolResult searchCatalog(ToolScope scope, ToolCall call, String arguments, ToolArguments args) {
        String query = args.text("query").or(() -> args.text("item")).orElse("");
        List<CatalogMatch> matches = query.isBlank() ? List.of() : catalog.match(scope.tenant().id(), query, 5);
        List<QuotedPrice> prices = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (int i = 0; i < matches.size(); i++) {
            CatalogItem item = matches.get(i).item();
            json.append(i == 0 ? "" : ",").append(itemJson(item));
            if (item.price() != null) {
                prices.add(new QuotedPrice(item.price(), item.currency()));
            }
        }
        json.append("]}");
        return new ToolResult(call.id(), call.name(), arguments, json.toString(), prices, null);
    }

    private ToolResult checkAvailability(ToolScope scope, ToolCall call, String arguments, ToolArguments args) {
        Optional<CatalogItem> item = best(scope, args);
        if (item.isEmpty()) {
            return notFound(call, arguments);
        }
        CatalogItem found = item.get();
        boolean available = found.stock() > 0 && found.availability() != Availability.OUT_OF_STOCK;
        String dates = args.text("dates").orElse("");
        String json = "{\"item\":\"" + ToolArguments.escape(found.name()) + "\",\"available\":" + available
                + ",\"status\":\"" + found.availability().wireName() + "\",\"units\":" + found.stock()
                + (dates.isBlank() ? "" : ",\"dates\":\"" + ToolArguments.escape(dates) + "\"")
                + ",\"note\":\"staff confirm the booking for exact dates\"}";
        return new ToolResult(call.id(), call.name(), arguments, json, List.of(), null);
    }

    private ToolResult quotePrice(ToolScope scope, ToolCall call, String arguments, ToolArguments args) {
        Optional<CatalogItem> item = best(scope, args);
        if (item.isEmpty()) {
            return notFound(call, arguments);
        }
        CatalogItem found = item.get();
        if (found.price() == null) {
            return new ToolResult(call.id(), call.name(), arguments, "{\"item\":\"" + ToolArguments.escape(found.name())
                    + "\",\"price\":\"on request\",\"note\":\"a team member will confirm the price\"}", List.of(), null);
        }
        Quote quote = quote(found, args.integer("days").orElse(1));
        String json = "{\"item\":\"" + ToolArguments.escape(found.name()) + "\",\"unit_price\":\""
                + Money.format(found.price(), found.currency()) + "\",\"unit\":\"" + found.priceUnit().wireName() + "\""
                + (quote.periods() > 1 ? ",\"days\":" + quote.days() + ",\"total\":\"" + Money.format(quote.total(), found.currency()) + "\"" : "")
                + "}";
        return new ToolResult(call.id(), call.name(), arguments, json, List.of(new QuotedPrice(found.price(), found.currency()),
                new QuotedPrice(quote.total(), found.currency())), null);
    }

    /** The catalog price for {@code days} days: per-day prices multiply, a per-item price stays as it is. */
    public static Quote quote(CatalogItem item, int days) {
        int wanted = Math.max(1, Math.min(days, 365));
        int periods = switch (item.priceUnit()) {
            case PER_DAY -> wanted;
            case PER_WEEK -> (wanted + 6) / 7;
            case PER_MONTH -> (wanted + 29) / 30;
            case PER_HOUR, PER_ITEM -> 1;
        };
        return new Quote(wanted, periods, item.price().multiply(BigDecimal.valueOf(periods)));
    }

    /** @param periods how many price units the total covers */
    public record Quote(int days, int periods, BigDecimal total) {
    }

    private ToolResult followUp(ToolScope scope, ToolCall call, String arguments, ToolArguments args,
                                FollowUpRequest.Kind kind) {
        String wanted = args.text("item").orElse("");
        String item = wanted.isBlank() ? "" : catalog.match(scope.tenant().id(), wanted, 1).stream().findFirst()
                .map(match -> match.item().name()).orElse(wanted);
        String dates = args.text("dates").orElse("");
        // The customer's words are kept as they are; the day they name (if any) drives the reminder.
        LocalDate day = kind == FollowUpRequest.Kind.BOOKING
                ? bookingDates.parse(dates, scope.now(), scope.tenant().timezone()).orElse(null) : null;
        FollowUpRequest request = new FollowUpRequest(UUID.randomUUID().toString(), scope.key(), kind, item,
                dates, args.text("note").orElse(""), scope.now(), "OPEN", day);
        followUps.record(request);
        if (day != null && reminders != null) {
            try {
                reminders.schedule(new BookingReminder(scope.key(), request.id(), item, day, dates, scope.now()));
            } catch (RuntimeException e) {
                // The request itself is stored and staff are told; only the reminder is lost.
                LOG.warn("booking reminder not scheduled: {}", e.toString());
            }
        }
        try {
            staff.notify(scope.tenant(), scope.key(), "New " + request.describe());
        } catch (RuntimeException e) {
            LOG.warn("staff notice for a {} failed: {}", kind, e.toString());
        }
        return new ToolResult(call.id(), call.name(), arguments, "{\"recorded\":true,\"reference\":\""
                + request.id().substring(0, 8) + "\""
                + (day == null ? "" : ",\"date\":\"" + day + "\"")
                + ",\"next\":\"a team member will confirm\"}", List.of(), null);
    }

    private ToolResult businessHours(ToolScope scope, ToolCall call, String arguments) {
        OpeningHours hours = scope.tenant().openingHours();
        ZonedDateTime local = scope.now().atZone(scope.tenant().timezone());
        if (!hours.known()) {
            return new ToolResult(call.id(), call.name(), arguments,
                    "{\"hours\":\"not configured; see business facts\"}", List.of(), null);
        }
        StringBuilder json = new StringBuilder("{\"hours\":{");
        List<String> days = new ArrayList<>();
        hours.asMap().forEach((day, range) -> days.add("\"" + day + "\":\"" + range + "\""));
        json.append(String.join(",", days)).append("},\"open_now\":").append(hours.isOpenAt(local))
                .append(",\"timezone\":\"").append(scope.tenant().timezone().getId()).append('"');
        hours.nextOpening(local).ifPresent(next -> json.append(",\"next_opening\":\"").append(WHEN.format(next)).append('"'));
        return new ToolResult(call.id(), call.name(), arguments, json.append('}').toString(), List.of(), null);
    }

    /** The catalog item a name means (the first match), as the tools resolve an {@code item} argument. */
    public Optional<CatalogItem> item(ToolScope scope, String name) {
        return name == null || name.isBlank() ? Optional.empty()
                : catalog.match(scope.tenant().id(), name, 1).stream().findFirst().map(CatalogMatch::item);
    }

    private Optional<CatalogItem> best(ToolScope scope, ToolArguments args) {
        String wanted = args.text("item").or(() -> args.text("query")).orElse("");
        return wanted.isBlank() ? Optional.empty()
                : catalog.match(scope.tenant().id(), wanted, 1).stream().findFirst().map(CatalogMatch::item);
    }

    static String itemJson(CatalogItem item) {
        return "{\"name\":\"" + ToolArguments.escape(item.name()) + "\",\"category\":\"" + ToolArguments.escape(item.category())
                + "\",\"price\":\"" + (item.price() == null ? "on request" : Money.format(item.price(), item.currency()))
                + "\",\"unit\":\"" + item.priceUnit().wireName() + "\",\"availability\":\"" + item.availability().wireName() + "\"}";
    }

    private static ToolResult notFound(ToolCall call, String arguments) {
        return new ToolResult(call.id(), call.name(), arguments,
                "{\"found\":false,\"note\":\"not in the catalog; ask which item they mean or say a team member will check\"}",
                List.of(), null);
    }

    private static ToolResult error(ToolCall call, String arguments, String message) {
        return new ToolResult(call.id(), call.name(), arguments, "{\"error\":\"" + ToolArguments.escape(message) + "\"}",
                List.of(), null);
    }
}
