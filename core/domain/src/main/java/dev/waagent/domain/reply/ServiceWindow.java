package dev.waagent.domain.reply;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.Conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * WhatsApp's 24-hour customer service window: it opens (and resets) on each customer message; while it is open any
 * message may be sent, once it is closed only an approved template. Meta says the window can, rarely, close early:
 * an error {@value #WINDOW_CLOSED_ERROR} (send error or failed status) after the customer's last message closes it
 * here too, until they write again.
 * <p>
 * A safety margin (default {@value #DEFAULT_MARGIN_MINUTES} minutes) treats the window as closed slightly early, so a
 * reply whose parts are paced over a few seconds never lands just after it closed. Thread-safe.
 */
public final class ServiceWindow {

    /** Meta's re-engagement error: more than 24 hours since the customer last wrote. */
    public static final String WINDOW_CLOSED_ERROR = "131047";
    public static final Duration LENGTH = Conversation.SERVICE_WINDOW;
    static final long DEFAULT_MARGIN_MINUTES = 2;

    private final TimeSource time;
    private final Duration margin;

    public ServiceWindow(TimeSource time) {
        this(time, Duration.ofMinutes(DEFAULT_MARGIN_MINUTES));
    }

    public ServiceWindow(TimeSource time, Duration margin) {
        this.time = Objects.requireNonNull(time, "time");
        this.margin = Objects.requireNonNull(margin, "margin");
        if (margin.isNegative() || margin.compareTo(LENGTH) >= 0) {
            throw new IllegalArgumentException("margin must be between 0 and 24 hours");
        }
    }

    /**
     * @param open      free-form messages may be sent now
     * @param closesAt  when free-form sending stops (margin included); {@code null} if the customer never wrote
     * @param remaining time left while open, else zero
     */
    public record Status(boolean open, Instant closesAt, Duration remaining) {
    }

    /** The window of a conversation, from its last inbound message. */
    public Status status(Conversation conversation) {
        return status(conversation.lastInboundAt(), null);
    }

    /**
     * @param lastInboundAt          the customer's last message ({@code null}: never wrote)
     * @param windowClosedReportedAt when Meta last answered {@value #WINDOW_CLOSED_ERROR} for this customer, or {@code null}
     */
    public Status status(Instant lastInboundAt, Instant windowClosedReportedAt) {
        if (lastInboundAt == null) {
            return new Status(false, null, Duration.ZERO);
        }
        Instant closesAt = lastInboundAt.plus(LENGTH).minus(margin);
        Instant now = time.now();
        boolean closedByMeta = windowClosedReportedAt != null && !windowClosedReportedAt.isBefore(lastInboundAt);
        boolean open = !closedByMeta && now.isBefore(closesAt);
        return new Status(open, closedByMeta ? windowClosedReportedAt : closesAt,
                open ? Duration.between(now, closesAt) : Duration.ZERO);
    }

    /** Whether a free-form message planned for {@code sendAt} (a later paced part) is still inside the window. */
    public boolean allowsFreeFormAt(Instant lastInboundAt, Instant windowClosedReportedAt, Instant sendAt) {
        Status status = status(lastInboundAt, windowClosedReportedAt);
        return status.open() && sendAt.isBefore(status.closesAt());
    }

    /**
     * What may be sent: inside the window the free-form reply; outside it the template, or nothing when the tenant has
     * none for this purpose (the follow-up is then dropped, never sent to fail).
     */
    public Optional<Reply> choose(Status status, Reply freeForm, TemplateMessage template) {
        if (status.open()) {
            return Optional.ofNullable(freeForm);
        }
        return Optional.ofNullable(template);
    }

    /** Whether a send error or failed status code means the window is closed. */
    public static boolean closedByPlatform(String errorCode) {
        return WINDOW_CLOSED_ERROR.equals(errorCode);
    }
}
