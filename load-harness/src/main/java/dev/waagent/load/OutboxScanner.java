package dev.waagent.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /local/outbox} (every Graph API request the worker made, newest last) incrementally: entries
 * already seen are skipped without being decoded, so polling a growing outbox stays cheap on the harness side, and a
 * runtime that honours {@code ?after=N} only sends the new ones. Not thread-safe: one poller owns it.
 */
public final class OutboxScanner {

    /** What a Graph API request was. */
    public enum Kind {
        /** A message to a customer ({@code to} or {@code recipient}, no {@code status}). */
        MESSAGE,
        /** {@code "status":"read"}: mark-as-read or typing indicator, never a reply. */
        READ_RECEIPT,
        /** Not a messages-endpoint request, or a body that is not JSON. */
        OTHER
    }

    /**
     * One outbox entry, decoded.
     *
     * @param phoneNumberId    the sending business number, from the path {@code /vXX.X/<id>/messages}
     * @param recipient        {@code to} (or {@code recipient}) without a leading {@code +}; null unless a message
     * @param type             the message {@code type}
     * @param contextMessageId {@code context.message_id}, the wamid the reply quotes, if any
     * @param status           HTTP status the stand-in answered
     * @param time             when the stand-in received it ({@code null} if the entry had no readable time)
     */
    public record Request(Kind kind, String phoneNumberId, String recipient, String type, String contextMessageId,
                          int status, Instant time) {
        /** A reply the customer received: a message the stand-in accepted. */
        public boolean deliveredMessage() {
            return kind == Kind.MESSAGE && status >= 200 && status < 300;
        }
    }

    /** Fractional epoch seconds keep their nanoseconds. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = JSON.getFactory();

    private int consumed;

    /** Entries already returned (or skipped as a baseline). */
    public int consumed() {
        return consumed;
    }

    /** Treats every entry of this outbox as already seen: for a runtime that served earlier runs. */
    public int skipExisting(RuntimeClient.OutboxPage page) throws IOException {
        return scan(page).size();
    }

    /** The entries of a whole-outbox document after the ones already returned. */
    public List<Request> scan(byte[] outboxJson) throws IOException {
        return scan(new RuntimeClient.OutboxPage(outboxJson, null));
    }

    /**
     * The entries after the ones already returned.
     *
     * @param page the whole outbox, or (when {@link RuntimeClient.OutboxPage#after()} is set) the entries from that
     *             index on
     * @throws IOException when the document is not a JSON array, starts somewhere else than asked, or is shorter than
     *                     what was already seen (the outbox is append-only; a shorter one means another runtime
     *                     answered)
     */
    public List<Request> scan(RuntimeClient.OutboxPage page) throws IOException {
        int first = page.after() == null ? 0 : page.after();
        if (first > consumed) {
            throw new IOException("the outbox page starts at entry " + first + " but only " + consumed + " were seen");
        }
        List<Request> fresh = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(page.json())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("GET /local/outbox did not return a JSON array");
            }
            int index = first;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw new IOException("truncated outbox document");
                }
                if (index < consumed) {
                    parser.skipChildren();
                } else {
                    fresh.add(decode(JSON.readTree(parser)));
                }
                index++;
            }
            if (index < consumed) {
                throw new IOException("the outbox shrank from " + consumed + " to " + index + " entries");
            }
            consumed = index;
        }
        return fresh;
    }

    static Request decode(JsonNode entry) {
        String path = text(entry, "path");
        int status = entry.path("status").asInt(0);
        Instant time = time(entry.get("time"));
        String phoneNumberId = phoneNumberId(path);
        JsonNode body = body(entry.get("body"));
        if (phoneNumberId == null || body == null || !body.isObject()) {
            return new Request(Kind.OTHER, phoneNumberId, null, null, null, status, time);
        }
        if (body.has("status")) {
            return new Request(Kind.READ_RECEIPT, phoneNumberId, null, null, null, status, time);
        }
        String recipient = text(body, "to");
        if (recipient == null) {
            recipient = text(body, "recipient");
        }
        if (recipient == null) {
            return new Request(Kind.OTHER, phoneNumberId, null, null, null, status, time);
        }
        if (recipient.startsWith("+")) {
            recipient = recipient.substring(1);
        }
        return new Request(Kind.MESSAGE, phoneNumberId, recipient, text(body, "type"),
                text(body.path("context"), "message_id"), status, time);
    }

    /** {@code /v23.0/<phone_number_id>/messages} → the id; anything else → null. */
    static String phoneNumberId(String path) {
        if (path == null) {
            return null;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        String[] parts = p.split("/");
        if (parts.length != 3 || !parts[0].startsWith("v") || !"messages".equals(parts[2]) || parts[1].isEmpty()) {
            return null;
        }
        return parts[1];
    }

    /** The body is documented as the JSON request as a string; an embedded object is accepted too. */
    private static JsonNode body(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (raw.isObject()) {
            return raw;
        }
        if (!raw.isTextual()) {
            return null;
        }
        try {
            return JSON.readTree(raw.asText());
        } catch (IOException e) {
            return null;
        }
    }

    /** ISO-8601 text, or a number: seconds with a fraction, whole seconds, or epoch milliseconds. */
    static Instant time(JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (raw.isTextual()) {
            try {
                return Instant.parse(raw.asText());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (raw.isIntegralNumber()) {
            long value = raw.asLong();
            return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        if (raw.isNumber()) {
            BigDecimal seconds = raw.decimalValue();
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
