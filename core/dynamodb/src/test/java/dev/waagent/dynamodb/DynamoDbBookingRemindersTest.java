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

        BookingReminders.DuePage page = reminders.due(tenant, THURSDAY, 10, null);

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

        assertThat(reminders.due(tenant, THURSDAY.plusDays(30), 10, null).items()).isEmpty();
        assertThat(reminders.claim(reminder, T0.plusSeconds(4))).isFalse();
    }

    @Test
    void pagesStopAtTheLimitAndSayThereIsMore() {
        for (int i = 0; i < 3; i++) {
            reminders.schedule(reminder("91980000001" + i, "p" + i, THURSDAY.minusDays(i)));
        }

        BookingReminders.DuePage first = reminders.due(tenant, THURSDAY, 2, null);

        assertThat(first.items()).extracting(due -> due.reminder().requestId()).containsExactly("p2", "p1");
        assertThat(first.more()).isTrue();
    }

    @Test
    void theNextPageStartsWhereThePreviousEndedEvenBeforeTheFirstPageIsClaimed() {
        for (int i = 0; i < 5; i++) {
            reminders.schedule(reminder("91980000002" + i, "n" + i, THURSDAY.minusDays(i)));
        }

        BookingReminders.DuePage first = reminders.due(tenant, THURSDAY, 2, null);
        BookingReminders.DuePage second = reminders.due(tenant, THURSDAY, 2, first.next());
        BookingReminders.DuePage third = reminders.due(tenant, THURSDAY, 2, second.next());

        assertThat(first.items()).extracting(due -> due.reminder().requestId()).containsExactly("n4", "n3");
        assertThat(second.items()).extracting(due -> due.reminder().requestId()).containsExactly("n2", "n1");
        assertThat(third.items()).extracting(due -> due.reminder().requestId()).containsExactly("n0");
        assertThat(third.next()).isNull();
    }

    @Test
    void aPageReadsEachConversationOnceAndKeepsEveryReminderWithItsOwn() {
        reminders.schedule(reminder("919800000031", "c1", THURSDAY.minusDays(1)));
        reminders.schedule(new BookingReminder(new ConversationKey(tenant, "919800000031"), "c2", "Canon R5",
                THURSDAY, "kal", T0));
        reminders.schedule(reminder("919800000032", "c3", THURSDAY));
        store.updateState(new ConversationKey(tenant, "919800000031"), null, true, null, T0);

        BookingReminders.DuePage page = reminders.due(tenant, THURSDAY, 10, null);

        assertThat(page.items()).hasSize(3);
        assertThat(page.items()).filteredOn(due -> due.reminder().key().customerId().equals("919800000031"))
                .extracting(due -> due.conversation().optedOut()).containsExactly(true, true);
        assertThat(page.items()).filteredOn(due -> due.reminder().requestId().equals("c3"))
                .singleElement().satisfies(due -> assertThat(due.conversation()).isNull());
    }

    @Test
    void theSameBookingAskedForAgainIsOneReminderWhateverTheRequestId() {
        ConversationKey key = new ConversationKey(tenant, "919800000041");
        reminders.schedule(new BookingReminder(key, "first", "Sony FX3", THURSDAY, "tomorrow", T0));
        reminders.schedule(new BookingReminder(key, "retried-turn", "Sony FX3", THURSDAY, "tomorrow", T0));
        reminders.schedule(new BookingReminder(key, "confirmed-again", "sony  fx-3", THURSDAY, "kal", T0.plusSeconds(60)));
        reminders.schedule(new BookingReminder(key, "other-item", "Canon R5", THURSDAY, "tomorrow", T0));

        assertThat(reminders.due(tenant, THURSDAY, 10, null).items()).extracting(due -> due.reminder().requestId())
                .containsExactlyInAnyOrder("first", "other-item");
    }

    @Test
    void aNewDayForTheSameItemSupersedesTheUnclaimedReminderOfTheOldDay() {
        ConversationKey key = new ConversationKey(tenant, "919800000051");
        reminders.schedule(new BookingReminder(key, "saturday", "Sony FX3", THURSDAY.plusDays(2), "saturday", T0));
        reminders.schedule(new BookingReminder(key, "sunday", "Sony FX3", THURSDAY.plusDays(3), "no, sunday", T0));

        assertThat(reminders.due(tenant, THURSDAY.plusDays(30), 10, null).items())
                .extracting(due -> due.reminder().requestId()).containsExactly("sunday");

        // And back again: the Saturday reminder returns, the Sunday one goes.
        reminders.schedule(new BookingReminder(key, "saturday-after-all", "Sony FX3", THURSDAY.plusDays(2), "sat", T0));
        assertThat(reminders.due(tenant, THURSDAY.plusDays(30), 10, null).items())
                .extracting(due -> due.reminder().requestId()).containsExactly("saturday-after-all");
    }

    @Test
    void aClaimedReminderIsNotTakenBackWhenTheDayChanges() {
        ConversationKey key = new ConversationKey(tenant, "919800000061");
        BookingReminder thursday = new BookingReminder(key, "thu", "Sony FX3", THURSDAY, "tomorrow", T0);
        reminders.schedule(thursday);
        assertThat(reminders.claim(thursday, T0)).isTrue();

        reminders.schedule(new BookingReminder(key, "fri", "Sony FX3", THURSDAY.plusDays(1), "friday", T0));

        assertThat(reminders.due(tenant, THURSDAY.plusDays(30), 10, null).items())
                .extracting(due -> due.reminder().requestId()).containsExactly("fri");
        reminders.finish(thursday, "reminded-text", "wamid.t", T0.plusSeconds(1));
        assertThat(reminders.claim(thursday, T0.plusSeconds(2))).isFalse();
    }
}
