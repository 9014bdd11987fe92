package dev.waagent.domain.channel;

/** An error the platform reported (e.g. Meta 131047 re-engagement, 131049, Twilio 63016). */
public record ChannelError(String code, String title, String detail) {
}
