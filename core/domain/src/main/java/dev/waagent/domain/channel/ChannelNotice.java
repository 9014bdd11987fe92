package dev.waagent.domain.channel;

import java.util.List;

/**
 * Anything else a webhook delivery carries that is not a customer message or a delivery status: account updates,
 * template reviews, quality changes, value-level errors, fields we do not handle yet. Logged and counted.
 *
 * @param businessNumberId the phone number id when the change named one, else the account (entry) id
 * @param field            the webhook field ({@code messages}, {@code account_update}, …)
 * @param summary          a short description safe to log (no customer text)
 */
public record ChannelNotice(String channel, String businessNumberId, String field, String summary,
                            List<ChannelError> errors) implements ChannelEvent {

    public ChannelNotice {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
