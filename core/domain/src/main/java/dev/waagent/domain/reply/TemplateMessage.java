package dev.waagent.domain.reply;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An approved message template, the only thing WhatsApp lets a business send once the 24-hour customer service
 * window is closed (follow-ups, booking reminders). Configured per tenant; only body text parameters are supported.
 *
 * @param name           the template's name as approved ({@code booking_reminder})
 * @param language       the approved translation's code ({@code en_US}, {@code id}, {@code hi})
 * @param bodyParameters values for {@code {{1}}}, {@code {{2}}}, … of the body, in order
 */
public record TemplateMessage(String name, String language, List<String> bodyParameters) implements Reply {

    static final Pattern NAME = Pattern.compile("[a-z0-9_]{1," + WhatsAppLimits.TEMPLATE_NAME + "}");
    /** {@code en}, {@code fil}, {@code en_US}, {@code es_AR}, {@code zh_HK}. */
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,3})?");

    public TemplateMessage {
        name = name == null ? "" : name;
        language = language == null ? "" : language;
        bodyParameters = bodyParameters == null ? List.of()
                : bodyParameters.stream().map(value -> value == null ? "" : value).toList();
    }

    /** Which template went out, for history: the body itself is only known to Meta. */
    @Override
    public String asText() {
        return "[template " + name + " (" + language + ")" + (bodyParameters.isEmpty() ? "" : ": " + String.join(" | ", bodyParameters)) + "]";
    }
}
