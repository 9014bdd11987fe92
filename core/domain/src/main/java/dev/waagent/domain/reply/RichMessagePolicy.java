package dev.waagent.domain.reply;

/**
 * Which rich forms a tenant allows (some businesses want plain text only, e.g. because their staff answer from the
 * WhatsApp Business app too).
 */
public record RichMessagePolicy(boolean buttons, boolean lists, boolean cards) {

    public static final RichMessagePolicy TEXT_ONLY = new RichMessagePolicy(false, false, false);
    public static final RichMessagePolicy ALL = new RichMessagePolicy(true, true, true);

    public boolean anyRich() {
        return buttons || lists || cards;
    }
}
