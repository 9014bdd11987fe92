package dev.waagent.domain.context;

import dev.waagent.domain.booking.BookingDateParser;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.ItemAttributes;
import dev.waagent.domain.catalog.PriceUnit;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.intent.Intent;
import dev.waagent.domain.knowledge.KnowledgeHit;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.memory.KeyFacts;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.ToolArguments;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.tools.ToolScope;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the composer answers itself when no model did (every provider failed, or none is configured and the local
 * responder ended the chain): it does what a model would have done with the agent's tools, on the turn's own context.
 * For each intent the customer asked, in their order, one line: availability from the catalog entry
 * ({@code check_availability}), the catalog price for the days asked ({@code quote_price}), a booking or test-drive
 * request recorded for staff with its day ({@code request_booking}: staff are told, a reminder is scheduled), the
 * attribute asked of the item ("kilometernya berapa?" → the entry's mileage), else the confident knowledge entry.
 * The item is the one the turn names, else the one the conversation is about (its key facts). The tool calls go
 * through {@link AgentTools} and are recorded with the turn like a model's. Empty when the turn has nothing it can
 * answer from data: the honest holding reply stands then.
 */
final class LastResortAnswer {

    /** The model name on replies it writes (the provider stays the local one). */
    static final String MODEL = "local-tools";
    /** A fuzzy match below this is not trusted to name the item without a model to double-check. */
    private static final double ITEM_CONFIDENCE = 0.75;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_BAHASA = DateTimeFormatter.ofPattern("EEE d MMM", LanguageDetector.INDONESIAN);

    /** Words that ask for a price whatever else the turn asks (a bare "berapa"/"how much" may ask for a quantity). */
    private static final Pattern PRICE_WORDS = Pattern.compile(
            "\\b(?:harga\\p{L}*|prices?|rates?|costs?|daam|biaya|sewa\\p{L}*|rent|tarif|nego|diskon|discount|rs|rp|inr"
                    + "|kitne? k[ai])\\b|₹",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Money questions about the business's terms rather than an item's price. */
    private static final Pattern TERMS = Pattern.compile(
            "\\b(?:deposit|security|jaminan|advance|dp|down ?payment|uang muka|cicilan|kredit|credit|emi|installments?|angsuran"
                    + "|refund\\p{L}*|payment|paid|pembayaran|transfer|paise|paisa|uang)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Cancelling, moving or extending a booking, or asking when the business opens: not a new booking. */
    private static final Pattern CHANGE_OR_HOURS = Pattern.compile("\\b(?:cancel\\p{L}*|batal\\p{L}*|postpone|reschedul\\p{L}*"
            + "|extend|pindah|undur|mundur\\p{L}*|majuin|ganti jadwal|ubah jadwal|badha|aage badha|shift kar"
            + "|jadwal buka|buka jam|jam buka|opening|open on|timing|khulte|schedule on)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The customer asks about their booking, reservation or request. */
    private static final Pattern ABOUT_A_REQUEST = Pattern.compile("\\b(?:book\\p{L}*|reserv\\p{L}*|order|request|pesan\\p{L}*"
            + "|janji|test ?drive|jadwal|confirm\\p{L}*|konfirmasi)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Don't book it yet", "abhi book mat karo", "jangan booking dulu": not a request to record. */
    private static final Pattern NOT_NOW = Pattern.compile("\\b(?:don ?t|do not|dont|not yet|later|mat|nahi|nahin|jangan"
            + "|belum|nanti dulu|tidak usah|gak usah|ga usah)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A follow-up this short that names no item is about the item in focus. */
    private static final int SHORT_FOLLOW_UP_WORDS = 8;

    private final AgentTools tools;
    private final BookingDateParser bookingDates = new BookingDateParser();

    LastResortAnswer(AgentTools tools) {
        this.tools = tools;
    }

    /** The answer's text and the tool calls it made (already run). */
    record Answer(String text, List<ToolResult> results) {
    }

    Optional<Answer> answer(TurnContext turn, ToolScope scope) {
        List<Intent> intents = turn.intents() == null ? List.of() : turn.intents().intents();
        Locale language = turn.language();
        Optional<CatalogItem> item = namedItem(turn).map(CatalogMatch::item).or(() -> itemInFocus(turn, scope));
        Optional<String> dates = KeyFacts.value(KeyFacts.extract(turn.customerTurn(), List.of()), KeyFacts.DATES);
        List<String> lines = new ArrayList<>();
        List<ToolResult> results = new ArrayList<>();
        List<String> asked = item.map(found -> ItemAttributes.askedFor(turn.customerTurn(), found)).orElse(List.of());
        // "kilometernya berapa?" asks how many kilometres, not a price (the "berapa" is the attribute's); "deposit
        // kitna lagega?", "DP berapa?" ask the business's terms (knowledge), not the item's price.
        if (!PRICE_WORDS.matcher(turn.customerTurn()).find()
                && (!asked.isEmpty() || TERMS.matcher(turn.customerTurn()).find())) {
            intents = intents.stream().map(intent -> intent == Intent.PRICING ? Intent.GENERAL_QUESTION : intent)
                    .distinct().toList();
        }
        boolean generalAnswered = false;
        for (Intent intent : intents) {
            switch (intent) {
                case AVAILABILITY -> item.ifPresent(found -> {
                    results.add(dates.isPresent()
                            ? call(scope, AgentTools.CHECK_AVAILABILITY, "item", found.name(), "dates", dates.get())
                            : call(scope, AgentTools.CHECK_AVAILABILITY, "item", found.name()));
                    lines.add(availability(language, found));
                });
                case PRICING -> item.filter(found -> found.price() != null).ifPresent(found -> {
                    int days = GroundedAnswers.days(turn.customerTurn());
                    results.add(call(scope, AgentTools.QUOTE_PRICE, "item", found.name(), "days", days));
                    lines.add(ComposerPhrases.quote(language, found, days));
                });
                case BOOKING -> {
                    // Recorded only when the turn names a concrete day for an item ("block it sat to mon", "test drive
                    // besok"); a change to a booking (cancel, move, extend) or a question about booking or opening
                    // hours ("how do I book?", "jadwal buka hari Minggu?") is left to a person or the knowledge base.
                    if (CHANGE_OR_HOURS.matcher(turn.customerTurn()).find() || NOT_NOW.matcher(turn.customerTurn()).find()) {
                        continue;
                    }
                    Optional<LocalDate> day = bookingDates.parse(turn.customerTurn(), scope.now(), scope.tenant().timezone());
                    if (day.isEmpty()) {
                        continue;
                    }
                    if (item.isEmpty()) {
                        lines.add(whichItem(language));
                    } else if (alreadyRequested(turn, item.get(), day.get())) {
                        lines.add(bookingNoted(language, item.get(), day));
                    } else {
                        // The day as read, never the customer's whole message (it may hold a number or an address).
                        ToolResult recorded = call(scope, AgentTools.REQUEST_BOOKING, "item", item.get().name(),
                                "dates", dates.filter(span -> bookingDates.parse(span, scope.now(), scope.tenant().timezone())
                                        .equals(day)).orElse(day.get().toString()),
                                "note", "recorded without a model; staff confirm");
                        results.add(recorded);
                        lines.add(recorded.content().contains("\"recorded\":true") ? bookingNoted(language, item.get(), day)
                                : ComposerPhrases.checking(language));
                    }
                }
                case GENERAL_QUESTION -> {
                    if (!asked.isEmpty()) {
                        lines.add(attributes(language, item.get(), asked));
                        generalAnswered = true;
                    }
                }
                case ORDER_STATUS -> {
                    // Only a question about their booking or request (a refund or a payment is for a person).
                    if (ABOUT_A_REQUEST.matcher(turn.customerTurn()).find() && !TERMS.matcher(turn.customerTurn()).find()
                            && !CHANGE_OR_HOURS.matcher(turn.customerTurn()).find()) {
                        turn.openRequests().stream().limit(2).forEach(request -> lines.add(openRequest(language, request)));
                    }
                }
                case OUT_OF_SCOPE -> {
                    if (intents.size() == 1) {
                        lines.add(outOfScope(language, scope.tenant().name()));
                    }
                }
                default -> {
                    // Greetings, complaints, requests for a person: not answered from data here.
                }
            }
        }
        if (lines.isEmpty()) {
            // Nothing from the catalog or the tools: the local responder's knowledge answer or honest holding stands.
            return Optional.empty();
        }
        Optional<KnowledgeHit> best = turn.knowledgeHits().stream().findFirst()
                .filter(hit -> hit.score() >= turn.confidenceThreshold());
        if (best.isPresent() && intents.contains(Intent.GENERAL_QUESTION) && !generalAnswered) {
            lines.add(best.get().entry().content().strip());
        }
        return Optional.of(new Answer(String.join("\n", lines), results));
    }

    /** The item the turn names: exactly, closely enough, or as the one in focus ("warnanya apa?"). */
    private static Optional<CatalogMatch> namedItem(TurnContext turn) {
        return turn.catalogMatches().stream()
                .filter(match -> match.kind() == CatalogMatch.Kind.EXACT || match.kind() == CatalogMatch.Kind.IN_FOCUS
                        || match.kind() == CatalogMatch.Kind.FUZZY && match.confidence() >= ITEM_CONFIDENCE)
                .findFirst();
    }

    /** @param arguments name, value, name, value… in the order they are written */
    private ToolResult call(ToolScope scope, String tool, Object... arguments) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            Object value = arguments[i + 1];
            json.append(i == 0 ? "" : ",").append('"').append(arguments[i]).append("\":")
                    .append(value instanceof Number ? value.toString() : "\"" + ToolArguments.escape(value.toString()) + "\"");
        }
        return tools.execute(scope, new ToolCall("local-" + tool, tool, json.append('}').toString()));
    }

    /**
     * The item the conversation is about (its key facts), for a short follow-up that names none ("what would three
     * days cost", "harganya brp?"): not when the turn names something the catalog only nearly knows, nor for a long
     * message that may be about another item.
     */
    private Optional<CatalogItem> itemInFocus(TurnContext turn, ToolScope scope) {
        boolean namesSomethingElse = turn.catalogMatches().stream().anyMatch(match -> match.kind() == CatalogMatch.Kind.FUZZY);
        if (namesSomethingElse || turn.customerTurn().strip().split("\\s+").length > SHORT_FOLLOW_UP_WORDS) {
            return Optional.empty();
        }
        try {
            return KeyFacts.value(turn.keyFacts(), KeyFacts.ITEM).flatMap(name -> tools.item(scope, name)
                    .filter(found -> found.name().equalsIgnoreCase(name)));
        } catch (RuntimeException e) {
            return Optional.empty(); // the catalog read failed: answer without an item rather than fail the turn
        }
    }

    /** The customer's open request for this item and day (a repeated "book it for saturday" records nothing new). */
    private static boolean alreadyRequested(TurnContext turn, CatalogItem item, LocalDate day) {
        return turn.openRequests().stream().anyMatch(request -> request.kind() == FollowUpRequest.Kind.BOOKING
                && item.name().equalsIgnoreCase(request.item()) && day.equals(request.bookingDate()));
    }

    /** "Is my booking confirmed?": where the customer's open requests stand (staff confirm them). */
    static String openRequest(Locale language, FollowUpRequest request) {
        String what = request.item().isBlank() ? "" : request.item();
        String when = request.bookingDate() == null ? ""
                : " (" + (ComposerPhrases.bahasa(language) ? DAY_BAHASA : DAY).format(request.bookingDate()) + ")";
        boolean booking = request.kind() == FollowUpRequest.Kind.BOOKING;
        return ComposerPhrases.hindi(language) ? (booking ? "Aapki booking request" : "Aapki enquiry") + (what.isEmpty() ? "" : " (" + what + when + ")")
                + " hamari team ke paas hai; woh aapse confirm karenge."
                : ComposerPhrases.bahasa(language) ? (booking ? "Permintaan booking Anda" : "Pertanyaan Anda") + (what.isEmpty() ? "" : " untuk " + what + when)
                + " sudah di tim kami; mereka akan konfirmasi ke Anda."
                : "Your " + (booking ? "booking request" : "enquiry") + (what.isEmpty() ? "" : " for the " + what + when)
                + " is with our team; they will confirm it with you.";
    }

    static String availability(Locale language, CatalogItem item) {
        String name = item.name();
        boolean available = item.stock() > 0 && item.availability() != Availability.OUT_OF_STOCK;
        if (!available) {
            return ComposerPhrases.hindi(language) ? name + " abhi available nahi hai."
                    : ComposerPhrases.bahasa(language) ? name + " saat ini tidak tersedia." : name + " is not available right now.";
        }
        return switch (item.availability()) {
            case LIMITED -> ComposerPhrases.hindi(language) ? name + " available hai, par kuch hi bache hain."
                    : ComposerPhrases.bahasa(language) ? name + " masih ada, stok terbatas." : name + " is available, only a few left.";
            case ON_REQUEST -> ComposerPhrases.hindi(language) ? name + " request par milta hai; hamari team check karke batayegi."
                    : ComposerPhrases.bahasa(language) ? name + " tersedia by request; tim kami akan cek dulu."
                    : name + " is available on request; a team member will check for you.";
            default -> !rented(item) ? (ComposerPhrases.hindi(language) ? name + " available hai."
                    : ComposerPhrases.bahasa(language) ? name + " masih tersedia." : name + " is available.")
                    : ComposerPhrases.hindi(language) ? name + " available hai; exact dates hamari team confirm karegi."
                    : ComposerPhrases.bahasa(language) ? name + " masih tersedia; tanggal pastinya dikonfirmasi tim kami."
                    : name + " is available; a team member confirms your exact dates.";
        };
    }

    /** Rented by time (dates matter), not sold as one piece (a used car). */
    private static boolean rented(CatalogItem item) {
        return item.priceUnit() != PriceUnit.PER_ITEM;
    }

    static String bookingNoted(Locale language, CatalogItem item, Optional<LocalDate> day) {
        String when = day.map(d -> " (" + (ComposerPhrases.bahasa(language) ? DAY_BAHASA : DAY).format(d) + ")").orElse("");
        return ComposerPhrases.hindi(language) ? item.name() + when + " ki request note kar li hai; hamari team jald confirm karegi."
                : ComposerPhrases.bahasa(language) ? "Permintaan Anda untuk " + item.name() + when + " sudah kami catat; tim kami akan segera konfirmasi."
                : "I've noted your request for the " + item.name() + when + "; a team member will confirm shortly.";
    }

    /** Off-topic chatter gets a friendly line on what we can help with (not a promise that a person will reply). */
    static String outOfScope(Locale language, String business) {
        return ComposerPhrases.hindi(language) ? "Maaf kijiye, main sirf " + business + " ke rentals, prices aur bookings mein madad kar sakta hoon."
                : ComposerPhrases.bahasa(language) ? "Maaf kak, saya hanya bisa membantu seputar " + business + ": unit, harga, dan jadwal."
                : "Sorry, I can only help with " + business + " questions: items, prices and bookings.";
    }

    static String whichItem(Locale language) {
        return ComposerPhrases.hindi(language) ? "Kaunsa item book karna hai?"
                : ComposerPhrases.bahasa(language) ? "Unit atau barang mana yang ingin dipesan?" : "Which item would you like to book?";
    }

    /** "Toyota Avanza 1.3 G MT 2019: mileage 72,000 km." / "…: kilometer 72.000 km." (other keys by their own name) */
    static String attributes(Locale language, CatalogItem item, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            String normalized = key.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
            String leading = normalized.split(" ")[0];
            String value = item.attributes().get(key);
            String label = switch (leading) {
                case "mileage" -> ComposerPhrases.bahasa(language) ? "kilometer" : "mileage";
                case "year" -> ComposerPhrases.bahasa(language) ? "tahun" : ComposerPhrases.hindi(language) ? "saal" : "year";
                case "transmission" -> ComposerPhrases.bahasa(language) ? "transmisi" : "transmission";
                case "colour", "color" -> ComposerPhrases.bahasa(language) ? "warna" : ComposerPhrases.hindi(language) ? "rang" : "colour";
                case "fuel" -> ComposerPhrases.bahasa(language) ? "bahan bakar" : "fuel";
                default -> normalized;
            };
            if (normalized.endsWith(" km") && value != null && value.matches("\\d{1,9}")) {
                value = java.text.NumberFormat.getIntegerInstance(ComposerPhrases.bahasa(language) ? LanguageDetector.INDONESIAN : Locale.ENGLISH)
                        .format(Long.parseLong(value)) + " km";
            }
            parts.add(label + " " + value);
        }
        return item.name() + ": " + String.join(", ", parts) + ".";
    }
}
