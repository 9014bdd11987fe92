package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A {@code POST /{version}/{phone-number-id}/messages} body as the Cloud API receives it, read by
 * {@link GraphApiPayloads#parseSendRequest}. Lets a local stand-in of the API (and tests) understand what a client
 * sent without re-implementing Meta's shapes.
 *
 * @param kind             a message to a customer, or a read receipt (optionally with typing indicator)
 * @param to               the recipient phone number / wa_id ({@code to}), or {@code null}
 * @param recipient        the recipient business-scoped user id ({@code recipient}), or {@code null}
 * @param recipientType    {@code individual} (the default) or {@code group}
 * @param type             message type ({@code text} when omitted, as Meta defaults); {@code null} for read receipts
 * @param textBody         {@code text.body} of a text message, else {@code null}
 * @param previewUrl       {@code text.preview_url}
 * @param replyToMessageId {@code context.message_id}, or {@code null}
 * @param readMessageId    {@code message_id} of a read receipt, else {@code null}
 * @param typingIndicator  {@code typing_indicator.type} of a read receipt ({@code text}), or {@code null}
 * @param raw              the whole body, for anything else (templates, media, interactive)
 */
public record GraphSendRequest(
        Kind kind,
        String to,
        String recipient,
        String recipientType,
        String type,
        String textBody,
        boolean previewUrl,
        String replyToMessageId,
        String readMessageId,
        String typingIndicator,
        JsonNode raw) {

    public enum Kind {
        MESSAGE,
        READ_RECEIPT
    }

    public GraphSendRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raw, "raw");
    }

    /** Whom a message goes to: the phone number when given ({@code to} wins, as at Meta), else the BSUID. */
    public String effectiveRecipient() {
        return to != null ? to : recipient;
    }

    public boolean showsTyping() {
        return typingIndicator != null;
    }
}
