package dev.waagent.dynamodb;

import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.embedded.EmbeddedDynamoDb;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Booking reminders on the due-index of DynamoDB Local: what is read as due, and that each is claimed once. */
class DynamoDbBookingRemindersTest {

    private static final Instant T0 = Instant.parse("2026-12-09T04:30:00Z");
    private static final LocalDate THURSDAY = LocalDate.parse("2026-12-10");
    private static ApplicationContext context;
    private static BookingReminders reminders;
    private static ConversationStore store;
    private final String tenant = "t-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of(
                "wa.dynamodb.endpoint", EmbeddedDynamoDb.shared().endpoint().toString(),
                "wa.dynamodb.create-tables", true,
                "wa.dynamodb.conversations-table", "reminders-test-conversations",
                "wa.dynamodb.tenants-table", "reminders-test-tenants"));
        reminders = context.getBean(BookingReminders.class);
        store = context.getBean(ConversationStore.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private BookingReminder reminder(String customer, String id, LocalDate day) {
        return new BookingReminder(new ConversationKey(tenant, customer), id, "Sony FX3", day, "saturday", T0);
    }

    @Test
    void dueAreTheTenantsUnclaimedRemindersUpToTheGivenDayEarliestFirstWithTheirConversation() {
        BookingReminder later = reminder("919800000003", "r3", THURSDAY.plusDays(2));
        BookingReminder tomorrow = reminder("919800000002", "r2", THURSDAY);
        BookingReminder missed = reminder("919800000001", "r1", THURSDAY.minusDays(1));
        reminders.schedule(later);
        reminders.schedule(tomorrow);
        reminders.schedule(missed);
        store.updateState(missed.key(), null, true, null, T0);
        new DynamoDbBookingReminders(context.getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class),
                context.getBean(DynamoDbSettings.class)).schedule(
                new BookingReminder(new ConversationKey("other-" + tenant, "919800000002"), "x1", "Canon R5", THURSDAY,
                        "kal", T0));

        BookingReminders.DuePage page = reminders.due(tenant, THURSDAY, 10);

        assertThat(page.items()).extracting(due -> due.reminder().requestId()).containsExactly("r1", "r2");
        assertThat(page.items().get(0).reminder()).isEqualTo(missed);
        assertThat(page.items().get(0).conversation().optedOut()).isTrue();
        assertThat(page.items().get(1).conversation()).isNull();
        assertThat(page.more()).isFalse();
        assertThat(page.readUnits()).isPositive();
    }

    @Test
    void aReminderIsClaimedOnceAndThenNeverDueAgainEvenWhenScheduledAgain() {
        BookingReminder reminder = reminder("919800000004", "r4", THURSDAY);
        reminders.schedule(reminder);

        assertThat(reminders.claim(reminder, T0)).isTrue();
        assertThat(reminders.claim(reminder, T0.plusSeconds(1))).isFalse();
        reminders.schedule(reminder);
        reminders.finish(reminder, "reminded-text", "wamid.1", T0.plusSeconds(2));
        reminders.finish(reminder, "failed-send", null, T0.plusSeconds(3));

        assertThat(reminders.due(tenant, THURSDAY.plusDays(30), 10).items()).isEmpty();
        assertThat(reminders.claim(reminder, T0.plusSeconds(4))).isFalse();
    }

    @Test
    void pagesStopAtTheLimitAndSayThereIsMore() {
        for (int i = 0; i < 3; i++) {
            reminders.schedule(reminder("91980000001" + i, "p" + i, THURSDAY.minusDays(i)));
        }

        BookingReminders.DuePage first = reminders.due(tenant, THURSDAY, 2);

        assertThat(first.items()).extracting(due -> due.reminder().requestId()).containsExactly("p2", "p1");
        assertThat(first.more()).isTrue();
    }
}
