package dev.waagent.local;

import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.FollowUpRequests;
import dev.waagent.embedded.EmbeddedDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.waagent.local.PipelineDriver.await;
import static dev.waagent.local.PipelineDriver.bodyOf;
import static dev.waagent.local.PipelineDriver.customer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation with no model at all (no provider configured: the local responder ends every chain, as in the
 * local runtime without a key, or when every provider is down): the composer still does with the agent's tools what a
 * model would — the item the conversation is about, the days asked, availability, a booking request with its day,
 * the attribute asked — from the seeded demo back offices, in the customer's language, through the real worker.
 */
class LastResortScenariosTest {

    private static final String SECRET = "last-resort-secret";

    @TempDir
    static Path dataDir;

    private static LocalRuntime runtime;
    private static PipelineDriver pune;
    private static PipelineDriver jakarta;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "wa.secrets.meta-app-secret", SECRET,
                "wa.turn.burst-window", "0s",
                "wa.turn.deadline", "15s",
                "wa.sqs.delivery-delay", "0s",
                "llm.providers.openai.enabled", false,
                "wa.scheduler.enabled", false));
        runtime = LocalRuntime.start(new LocalOptions(0, dataDir, EmbeddedDynamoDb.shared().endpoint(),
                "last-" + UUID.randomUUID().toString().substring(0, 8), properties));
        pune = new PipelineDriver(runtime, SECRET, DemoTenants.PUNE_NUMBER_ID);
        jakarta = new PipelineDriver(runtime, SECRET, DemoTenants.JAKARTA_NUMBER_ID);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aFollowUpPriceQuestionIsQuotedForTheItemTheConversationIsAbout() throws Exception {
        String customer = customer();
        String first = replyTo(pune, customer, "hi, do you have the sony fx3 this saturday?");
        String second = replyTo(pune, customer, "what would three days cost");

        assertThat(first).contains("Sony FX3 is available");
        assertThat(second).contains("Sony FX3", "₹3,500", "₹10,500", "3 days");
    }

    @Test
    void aBookingWithADayIsRecordedForStaffWithTheItemInFocus() throws Exception {
        String customer = customer();
        replyTo(pune, customer, "is the sony a7s iii available?");
        String reply = replyTo(pune, customer, "ok please book it for me this saturday");

        assertThat(reply).contains("noted your request for the Sony A7S III (Sat ").contains("confirm");
        List<FollowUpRequest> open = runtime.context().getBean(FollowUpRequests.class)
                .open(new ConversationKey("pune-camera-rentals", customer), Instant.now(), 5);
        assertThat(open).singleElement().satisfies(request -> {
            assertThat(request.kind()).isEqualTo(FollowUpRequest.Kind.BOOKING);
            assertThat(request.item()).isEqualTo("Sony A7S III");
            assertThat(request.bookingDate()).isNotNull();
        });
    }

    @Test
    void aBahasaCustomerIsAnsweredInBahasaFromTheCarTheyAskedAbout() throws Exception {
        String customer = "62813" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
        String first = replyTo(jakarta, customer, "halo kak, avanza masih ada?");
        String price = replyTo(jakarta, customer, "harganya brp?");
        String mileage = replyTo(jakarta, customer, "kilometernya berapa?");
        String testDrive = replyTo(jakarta, customer, "kalau mau test drive besok bisa?");

        assertThat(first).contains("Toyota Avanza", "masih tersedia");
        assertThat(price).contains("Toyota Avanza", "Rp").doesNotContain("Thanks for your message");
        assertThat(mileage).contains("Toyota Avanza", "kilometer 72.000 km");
        assertThat(testDrive).contains("Permintaan Anda untuk Toyota Avanza", "sudah kami catat");
        ConversationKey key = new ConversationKey("jakarta-used-cars", customer);
        assertThat(runtime.context().getBean(FollowUpRequests.class).open(key, Instant.now(), 5))
                .extracting(FollowUpRequest::kind).containsExactly(FollowUpRequest.Kind.BOOKING);
        assertThat(runtime.context().getBean(ConversationStore.class).load(key, 20).conversation().status())
                .as("answered from the catalog: no low-confidence handoff").isNotEqualTo(
                        dev.waagent.domain.conversation.ConversationStatus.HANDED_OFF);
    }

    @Test
    void aHinglishCustomerGetsAvailabilityAndTheTotalInHinglishAndADepositQuestionIsNotQuotedAsARentalPrice()
            throws Exception {
        String customer = customer();
        String first = replyTo(pune, customer, "bhaiya sony a7 iv milega kya kal?");
        String total = replyTo(pune, customer, "2 din ka kitna");
        String deposit = replyTo(pune, customer, "deposit kitna lagega");

        assertThat(first).contains("Sony A7 IV available hai");
        assertThat(total).contains("Sony A7 IV", "2 din ke liye total");
        assertThat(deposit).doesNotContain("per day");
    }

    @Test
    void offTopicChatterGetsWhatWeCanHelpWithNotAPromiseOfAPerson() throws Exception {
        String customer = customer();
        String reply = replyTo(pune, customer, "who will win the election");

        assertThat(reply).contains("I can only help with Pune Camera Rentals");
        assertThat(runtime.context().getBean(ConversationStore.class)
                .load(new ConversationKey("pune-camera-rentals", customer), 5).recentMessages())
                .filteredOn(message -> !message.isInbound())
                .allSatisfy(message -> assertThat(message.accounting().needsHuman()).isFalse());
    }

    @Test
    void cancellingOrAskingTheOpeningHoursIsNotABookingAndTheSameRequestTwiceIsRecordedOnce() throws Exception {
        String customer = customer();
        replyTo(pune, customer, "is the sony fx3 available?");
        replyTo(pune, customer, "please book it for me this saturday");
        replyTo(pune, customer, "book it for saturday please");
        replyTo(pune, customer, "please cancel the fx3 for saturday");
        replyTo(pune, customer, "don't book it tomorrow, I'll confirm later");
        String jakartaCustomer = "62813" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000L));
        replyTo(jakarta, jakartaCustomer, "avanza masih ada?");
        replyTo(jakarta, jakartaCustomer, "Jadwal buka hari Minggu jam berapa?");

        String status = replyTo(pune, customer, "is my booking confirmed?");

        assertThat(status).contains("booking request for the Sony FX3 (Sat ").contains("with our team");
        FollowUpRequests requests = runtime.context().getBean(FollowUpRequests.class);
        assertThat(requests.open(new ConversationKey("pune-camera-rentals", customer), Instant.now(), 5)).hasSize(1);
        assertThat(requests.open(new ConversationKey("jakarta-used-cars", jakartaCustomer), Instant.now(), 5)).isEmpty();
    }

    @Test
    void aQuestionAboutBookingWithoutADayIsNotRecordedAsABooking() throws Exception {
        String customer = customer();
        replyTo(pune, customer, "is the sony fx3 available?");
        replyTo(pune, customer, "how do I book it?");

        assertThat(runtime.context().getBean(FollowUpRequests.class)
                .open(new ConversationKey("pune-camera-rentals", customer), Instant.now(), 5)).isEmpty();
    }

    private static String replyTo(PipelineDriver driver, String customer, String text) throws Exception {
        int earlier = driver.textsTo(customer).size();
        assertThat(driver.send(customer, text)).isEqualTo(200);
        List<Map<String, Object>> replies = await(() -> driver.textsTo(customer), earlier + 1);
        assertThat(replies).as("reply to '%s'", text).hasSize(earlier + 1);
        return bodyOf(replies.get(earlier));
    }
}
