package dev.waagent.domain.reply;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceWindowTest {

    private static final Instant WROTE = Instant.parse("2026-01-15T10:00:00Z");
    private static final TemplateMessage REMINDER = new TemplateMessage("booking_reminder", "en_US", List.of("Budi"));
    private static final Reply FREE_FORM = new Reply.Text("See you tomorrow at 08:00!");

    private final ManualClock clock = new ManualClock(WROTE);
    private final ServiceWindow window = new ServiceWindow(clock);

    @Test
    void theWindowIsOpenFor24HoursMinusTheMarginAfterTheLastCustomerMessage() {
        assertThat(window.status(WROTE, null)).isEqualTo(new ServiceWindow.Status(true,
                WROTE.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(2)), Duration.ofHours(24).minusMinutes(2)));

        clock.advance(Duration.ofHours(23).plusMinutes(57));
        assertThat(window.status(WROTE, null).open()).isTrue();
        assertThat(window.status(WROTE, null).remaining()).isEqualTo(Duration.ofMinutes(1));

        clock.advance(Duration.ofMinutes(1));
        assertThat(window.status(WROTE, null).open()).isFalse();
        assertThat(window.status(WROTE, null).remaining()).isZero();
    }

    @Test
    void aNewCustomerMessageResetsTheWindow() {
        clock.advance(Duration.ofHours(30));
        assertThat(window.status(WROTE, null).open()).isFalse();

        Instant wroteAgain = clock.now();
        assertThat(window.status(wroteAgain, null).open()).isTrue();
    }

    @Test
    void aCustomerWhoNeverWroteHasNoWindow() {
        assertThat(window.status(null, null)).isEqualTo(new ServiceWindow.Status(false, null, Duration.ZERO));
        Conversation fresh = Conversation.start(new ConversationKey("tenant-1", "6281234567890"));
        assertThat(window.status(fresh).open()).isFalse();
    }

    @Test
    void a131047AfterTheLastMessageClosesTheWindowEarlyUntilTheCustomerWritesAgain() {
        clock.advance(Duration.ofHours(2));
        Instant reported = clock.now();
        assertThat(window.status(WROTE, reported).open()).isFalse();
        assertThat(window.status(WROTE, reported).closesAt()).isEqualTo(reported);

        clock.advance(Duration.ofMinutes(10));
        assertThat(window.status(clock.now(), reported).open()).as("the customer wrote after the error").isTrue();
        assertThat(ServiceWindow.closedByPlatform("131047")).isTrue();
        assertThat(ServiceWindow.closedByPlatform("131056")).isFalse();
    }

    @Test
    void insideFreeFormOutsideOnlyTheTemplateOrNothing() {
        assertThat(window.choose(window.status(WROTE, null), FREE_FORM, REMINDER)).contains(FREE_FORM);

        clock.advance(Duration.ofHours(25));
        ServiceWindow.Status closed = window.status(WROTE, null);
        assertThat(window.choose(closed, FREE_FORM, REMINDER)).contains(REMINDER);
        assertThat(window.choose(closed, FREE_FORM, null)).isEmpty();
    }

    @Test
    void aPacedPartMustStillFallInsideTheWindow() {
        clock.advance(Duration.ofHours(23).plusMinutes(57));
        assertThat(window.allowsFreeFormAt(WROTE, null, clock.now().plusSeconds(30))).isTrue();
        assertThat(window.allowsFreeFormAt(WROTE, null, clock.now().plusSeconds(90))).isFalse();
    }
}
