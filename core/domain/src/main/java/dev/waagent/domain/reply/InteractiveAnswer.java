package dev.waagent.domain.reply;

import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MessageType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's tap on something the agent sent, as a structured intent rather than free text: a reply button
 * ({@code button_reply}), a list row ({@code list_reply}) or a template quick-reply button ({@code button}).
 *
 * @param id    the button / row id we sent (the template button's payload for quick replies)
 * @param title what the customer saw and tapped
 */
public record InteractiveAnswer(Kind kind, String id, String title) {

    /** Attribute keys written by the WhatsApp webhook parser (same values as {@code WhatsAppAttributes}). */
    public static final String BUTTON_ID = "button_id";
    public static final String LIST_ROW_ID = "list_row_id";
    public static final String BUTTON_PAYLOAD = "button_payload";

    public enum Kind {
        BUTTON_REPLY,
        LIST_REPLY,
        TEMPLATE_QUICK_REPLY
    }

    public InteractiveAnswer {
        Objects.requireNonNull(kind, "kind");
        id = id == null ? "" : id;
        title = title == null ? "" : title;
    }

    /** The answer carried by an inbound message, if it is one. */
    public static Optional<InteractiveAnswer> of(InboundMessage message) {
        MessageType type = message.type();
        if (type == MessageType.BUTTON_REPLY) {
            return Optional.of(new InteractiveAnswer(Kind.BUTTON_REPLY, message.attributes().get(BUTTON_ID), message.text()));
        }
        if (type == MessageType.LIST_REPLY) {
            return Optional.of(new InteractiveAnswer(Kind.LIST_REPLY, message.attributes().get(LIST_ROW_ID), message.text()));
        }
        if (type == MessageType.BUTTON) {
            String payload = message.attributes().get(BUTTON_PAYLOAD);
            return Optional.of(new InteractiveAnswer(Kind.TEMPLATE_QUICK_REPLY, payload == null ? message.text() : payload, message.text()));
        }
        return Optional.empty();
    }

    /** The option offered with this id, if it was among {@code offered}. */
    public Optional<ReplyOption> chosen(List<ReplyOption> offered) {
        return offered.stream().filter(option -> option.id().equals(id)).findFirst();
    }
}
