package dev.waagent.domain.turn;

/**
 * What a channel can send, so the reply is composed for it rather than refused by it.
 *
 * @param richMessages   reply buttons, lists and cards (WhatsApp Cloud API); otherwise every part goes as text
 * @param templates      approved templates (the only way to write outside the 24-hour window)
 * @param typingIndicator the read receipt can show "typing…"
 * @param maxTextLength  longest text body the channel accepts (WhatsApp 4096, Twilio 1600)
 */
public record ChannelCapabilities(boolean richMessages, boolean templates, boolean typingIndicator, int maxTextLength) {

    /** WhatsApp Cloud API: every form of the reply model. */
    public static final ChannelCapabilities WHATSAPP_CLOUD = new ChannelCapabilities(true, true, true, 4096);
    /** A channel that only sends text (e.g. Twilio's Messages API): no templates, no typing indicator. */
    public static final ChannelCapabilities TEXT_ONLY = new ChannelCapabilities(false, false, false, 1600);

    public ChannelCapabilities {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive");
        }
    }
}
