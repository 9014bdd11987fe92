package dev.waagent.twilio;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Twilio addresses ({@code whatsapp:+14155238886}, {@code whatsapp:US.1234}, {@code +14155238886}) and the ids this
 * system keeps for them.
 * <ul>
 *   <li><b>Business numbers</b> keep Twilio's E.164 form with {@code +} ({@code +14155238886}): that is what a Twilio
 *       tenant registers as its {@code businessNumberId}.</li>
 *   <li><b>Customer ids</b> match Twilio's {@code WaId} and Meta's {@code wa_id}: digits without {@code +}
 *       ({@code 14155238886}); a customer known only by business-scoped user id keeps it ({@code US.1234}). So the same
 *       customer has one id whether or not a request carried {@code WaId}, and statuses find the conversation.</li>
 * </ul>
 */
public final class TwilioAddresses {

    public static final String WHATSAPP_PREFIX = "whatsapp:";
    /** Twilio's prefix-less addresses are SMS/MMS numbers. */
    public static final String SMS_CHANNEL = "sms";

    private static final Pattern CHANNEL_PREFIX = Pattern.compile("^([a-z][a-z0-9-]{1,19}):", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLUS_DIGITS = Pattern.compile("\\+[0-9]{3,20}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");

    private TwilioAddresses() {
    }

    /** {@code whatsapp} for {@code whatsapp:+1…}, {@code sms} for a bare number; {@code null} for {@code null}. */
    public static String channelOf(String address) {
        if (address == null) {
            return null;
        }
        var matcher = CHANNEL_PREFIX.matcher(address.strip());
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : SMS_CHANNEL;
    }

    /** The address without its channel prefix: {@code whatsapp:+1415…} → {@code +1415…}. */
    public static String withoutChannel(String address) {
        if (address == null) {
            return null;
        }
        String value = address.strip();
        var matcher = CHANNEL_PREFIX.matcher(value);
        return matcher.find() ? value.substring(matcher.end()).strip() : value;
    }

    /** A business number as tenants register it: the address without its prefix ({@code +14155238886}). */
    public static String businessNumber(String address) {
        String value = withoutChannel(address);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The customer id for an address: digits for a phone number ({@code 14155238886}), else the id as written. */
    public static String customerId(String address) {
        String value = withoutChannel(address);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return PLUS_DIGITS.matcher(value).matches() ? value.substring(1) : value;
    }

    /**
     * The WhatsApp address to send to or from: {@code 14155238886} and {@code +14155238886} become
     * {@code whatsapp:+14155238886}, a business-scoped user id {@code US.1234} becomes {@code whatsapp:US.1234}, and an
     * address already prefixed is kept.
     */
    public static String whatsAppAddress(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("address is missing");
        }
        String value = id.strip();
        if (value.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length())) {
            return WHATSAPP_PREFIX + value.substring(WHATSAPP_PREFIX.length()).strip();
        }
        if (DIGITS.matcher(value).matches()) {
            return WHATSAPP_PREFIX + "+" + value;
        }
        return WHATSAPP_PREFIX + value;
    }
}
