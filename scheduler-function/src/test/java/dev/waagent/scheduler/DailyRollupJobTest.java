package dev.waagent.scheduler;

import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupDigest;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.tools.FollowUpRequest;
import dev.waagent.domain.tools.FollowUpRequests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyRollupJobTest implements TestPropertyProvider {

    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");

    @Inject
    DailyRollupJob job;
    @Inject
    RollupStore rollups;
    @Inject
    ManualClock clock;
    @Inject
    ConversationStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    FollowUpRequests followUps;

    @Override
    public Map<String, String> getProperties() {
        return SchedulerTestProperties.fresh();
    }

    @AfterEach
    void retire() {
        new Seeder(store, tenants).retireAll();
    }

    @Test
    void theRolledUpDayEqualsAHandCountOfItsMessagesAndARerunChangesNothing() {
        Seeder seed = new Seeder(store, tenants);
        Tenant tenant = seed.tenant(PUNE.getId());
        LocalDate day = LocalDate.ofInstant(clock.peek(), PUNE).minusDays(1);
        String a = Seeder.customer();
        String b = Seeder.customer();
        String c = Seeder.customer();
        String d = Seeder.customer();
        String e = Seeder.customer();
        String f = Seeder.customer();

        // A: the day's very first millisecond, and a second question.
        answer(seed, tenant, a, "What are your hours?", at(day, "00:00:00"), 4_000, llm("stub", 100, 20, 0.0001));
        answer(seed, tenant, a, "Is the FX3 available tomorrow?", at(day, "10:00:00"), 10_000, llm("groq", 200, 30, 0.0002));
        // B: the same question worded differently, then asks for a person (a policy reply).
        answer(seed, tenant, b, "what are your HOURS??", at(day, "12:00:00"), 2_000, llm("stub", 100, 20, 0.0001));
        answer(seed, tenant, b, "talk to a person", at(day, "12:05:00"), 1_000, ReplyAccounting.NONE.withRoute("HANDOFF"));
        // C: the chain could only give a holding reply.
        answer(seed, tenant, c, "Do you rent drones?", at(day, "18:00:00"), 3_000,
                new ReplyAccounting("local", "holding", 0, 0, 5, 2, true, 0, false, "SIMPLE", "stub:TIMEOUT>local:OK"));
        // D: the day's last millisecond, never answered.
        seed.inbound(tenant, d, "Can I pay by UPI?", at(day, "23:59:59").plusMillis(999));
        // E: asked the evening before, answered just after midnight: the reply belongs to the day, its wait does not.
        answer(seed, tenant, e, "Open on Sunday?", at(day.minusDays(1), "23:59:58"), 4_000, llm("stub", 100, 20, 0.0001));
        // F: the next day.
        seed.inbound(tenant, f, "Next day?", at(day.plusDays(1), "00:00:00"));

        clock.set(at(day.plusDays(1), "10:00:00"));
        String line = job.run(Duration.ofMinutes(1));
        assertThat(line).contains("rolled-up=3").contains("complete");

        DailyRollup rollup = rollups.find(tenant.id(), day).orElseThrow();
        assertThat(rollup.timezone()).isEqualTo("Asia/Kolkata");
        assertThat(rollup.messagesIn()).isEqualTo(6);
        assertThat(rollup.messagesOut()).isEqualTo(6);
        assertThat(rollup.conversations()).isEqualTo(5);
        assertThat(rollup.handoffs()).isEqualTo(2);
        assertThat(rollup.handoffReasons()).containsOnly(
                Map.entry("customer asked for a person", 1), Map.entry("no confident answer", 1));
        assertThat(rollup.topQuestions()).containsExactly(
                new DailyRollup.QuestionCount("What are your hours?", 2),
                new DailyRollup.QuestionCount("Can I pay by UPI?", 1),
                new DailyRollup.QuestionCount("Do you rent drones?", 1),
                new DailyRollup.QuestionCount("Is the FX3 available tomorrow?", 1));
        assertThat(rollup.unansweredQuestions()).isEqualTo(1);
        assertThat(rollup.unansweredSamples()).containsExactly("Can I pay by UPI?");
        assertThat(rollup.lowConfidenceQuestions()).isEqualTo(1);
        assertThat(rollup.lowConfidenceSamples()).containsExactly("Do you rent drones?");
        assertThat(rollup.usageByProvider()).containsOnlyKeys("stub", "groq", "policy", "local");
        DailyRollup.ProviderUsage stub = rollup.usageByProvider().get("stub");
        assertThat(stub.replies()).isEqualTo(3);
        assertThat(stub.promptTokens()).isEqualTo(300);
        assertThat(stub.completionTokens()).isEqualTo(60);
        assertThat(stub.costUsd()).isCloseTo(0.0003, within(1e-9));
        assertThat(rollup.usageByProvider().get("groq")).isEqualTo(new DailyRollup.ProviderUsage(1, 200, 30, 0.0002));
        // Waits 1, 2, 3, 4 and 10 s: the nearest-rank 95th percentile of five is the largest.
        assertThat(rollup.timedReplies()).isEqualTo(5);
        assertThat(rollup.p95ReplyMillis()).isEqualTo(10_000);
        assertThat(rollup.truncated()).isFalse();

        // The day before holds E's question only; the analytics range returns the days in order.
        assertThat(rollups.between(tenant.id(), day.minusDays(2), day)).extracting(DailyRollup::day)
                .containsExactly(day.minusDays(2), day.minusDays(1), day);
        assertThat(rollups.find(tenant.id(), day.minusDays(1)).orElseThrow().messagesIn()).isEqualTo(1);

        // A re-run in the same window writes nothing, and the stored day is unchanged.
        clock.advance(Duration.ofHours(1));
        assertThat(job.run(Duration.ofMinutes(1))).doesNotContain("rolled-up").contains("complete");
        assertThat(rollups.find(tenant.id(), day).orElseThrow()).isEqualTo(rollup);
    }

    @Test
    void leadsAndBookingRequestsOfTheLocalDayEqualAHandCountAndARerunChangesNothing() {
        Seeder seed = new Seeder(store, tenants);
        Tenant tenant = seed.tenant(PUNE.getId());
        Tenant other = seed.tenant(PUNE.getId());
        LocalDate day = LocalDate.ofInstant(clock.peek(), PUNE).minusDays(1);
        String a = Seeder.customer();
        String b = Seeder.customer();
        answer(seed, tenant, a, "Can I rent the FX3 on Saturday?", at(day, "10:00:00"), 2_000, llm("stub", 100, 20, 0.0001));

        // The local day's first millisecond (the UTC day before) and its last one both count.
        request(tenant, a, FollowUpRequest.Kind.LEAD, at(day, "00:00:00"));
        request(tenant, a, FollowUpRequest.Kind.BOOKING, at(day, "10:00:05"));
        request(tenant, b, FollowUpRequest.Kind.LEAD, at(day, "12:30:00"));
        request(tenant, b, FollowUpRequest.Kind.LEAD, at(day, "19:00:00"));
        request(tenant, b, FollowUpRequest.Kind.BOOKING, at(day, "23:59:59").plusMillis(999));
        // Not the day's: the millisecond before, the millisecond after, and another tenant's.
        request(tenant, a, FollowUpRequest.Kind.LEAD, at(day, "00:00:00").minusMillis(1));
        request(tenant, b, FollowUpRequest.Kind.BOOKING, at(day.plusDays(1), "00:00:00"));
        request(other, Seeder.customer(), FollowUpRequest.Kind.BOOKING, at(day, "11:00:00"));

        clock.set(at(day.plusDays(1), "10:00:00"));
        assertThat(job.run(Duration.ofMinutes(1))).contains("complete");

        DailyRollup rollup = rollups.find(tenant.id(), day).orElseThrow();
        assertThat(rollup.leads()).isEqualTo(3);
        assertThat(rollup.bookingRequests()).isEqualTo(2);
        assertThat(rollup.messagesIn()).isEqualTo(1);
        assertThat(rollups.find(tenant.id(), day.minusDays(1)).orElseThrow().leads()).isEqualTo(1);
        assertThat(rollups.find(other.id(), day).orElseThrow().bookingRequests()).isEqualTo(1);
        assertThat(RollupDigest.lines(rollup)).contains("• 3 new leads, 2 booking requests to follow up");

        // More requests after the day was stored change nothing on a re-run.
        request(tenant, b, FollowUpRequest.Kind.LEAD, at(day, "15:00:00"));
        clock.advance(Duration.ofHours(1));
        assertThat(job.run(Duration.ofMinutes(1))).doesNotContain("rolled-up").contains("complete");
        assertThat(rollups.find(tenant.id(), day).orElseThrow()).isEqualTo(rollup);
    }

    @Test
    void staffCommandsAreNotCountedAsCustomerTraffic() {
        Seeder seed = new Seeder(store, tenants);
        Tenant seeded = seed.tenant(PUNE.getId());
        String owner = "919822000001";
        Tenant tenant = new Tenant(seeded.id(), seeded.name(), seeded.channel(), seeded.businessNumberId(),
                seeded.displayPhoneNumber(), null, null, "Asha", "", "", PUNE, List.of("en"), List.of(), true,
                List.of(new StaffContact(owner, "Rohan", StaffContact.Role.OWNER)), OpeningHours.UNKNOWN, List.of());
        tenants.save(tenant);
        LocalDate day = LocalDate.ofInstant(clock.peek(), PUNE).minusDays(1);
        String customer = Seeder.customer();
        answer(seed, tenant, customer, "What are your hours?", at(day, "10:00:00"), 2_000, llm("stub", 100, 20, 0.0001));
        answer(seed, tenant, owner, "/stats", at(day, "11:00:00"), 1_000, ReplyAccounting.NONE.withRoute("STAFF"));

        clock.set(at(day.plusDays(1), "10:00:00"));
        assertThat(job.run(Duration.ofMinutes(1))).contains("complete");
        DailyRollup rollup = rollups.find(tenant.id(), day).orElseThrow();
        assertThat(rollup.messagesIn()).isEqualTo(1);
        assertThat(rollup.messagesOut()).isEqualTo(1);
        assertThat(rollup.conversations()).isEqualTo(1);
        assertThat(rollup.usageByProvider()).containsOnlyKeys("stub");
    }

    @Test
    void aRunCutShortByItsBudgetLeavesTheRestForTheNextRun() {
        Seeder seed = new Seeder(store, tenants);
        List<Tenant> shops = List.of(seed.tenant("UTC"), seed.tenant("UTC"), seed.tenant("UTC"));
        LocalDate day = LocalDate.ofInstant(clock.peek(), ZoneId.of("UTC")).minusDays(1);
        for (Tenant shop : shops) {
            for (int i = 0; i < 3; i++) {
                seed.turn(shop, Seeder.customer(), "question " + i + "?", "answer", day.atTime(9, i).atZone(ZoneId.of("UTC"))
                        .toInstant(), Duration.ofSeconds(2));
            }
        }
        clock.set(day.plusDays(1).atTime(1, 0).atZone(ZoneId.of("UTC")).toInstant());
        clock.tickEachReading(Duration.ofMillis(100));
        String cut = job.run(Duration.ofMillis(1_500));
        clock.tickEachReading(Duration.ZERO);
        assertThat(cut).contains("stopped: budget");
        int first = rolledUp(cut);
        assertThat(first).isBetween(1, 8);

        String rest = job.run(Duration.ofMinutes(1));
        assertThat(rest).contains("complete");
        assertThat(first + rolledUp(rest)).isEqualTo(9);
        assertThat(shops).allSatisfy(shop -> assertThat(rollups.find(shop.id(), day).orElseThrow().messagesIn()).isEqualTo(3));
    }

    private static int rolledUp(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rolled-up=(\\d+)").matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void request(Tenant tenant, String customer, FollowUpRequest.Kind kind, Instant at) {
        followUps.record(new FollowUpRequest(UUID.randomUUID().toString(), new ConversationKey(tenant.id(), customer),
                kind, "Sony FX3", "Saturday", "", at, null));
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(PUNE).toInstant();
    }

    private static ReplyAccounting llm(String provider, int prompt, int completion, double cost) {
        return new ReplyAccounting(provider, provider + "-model", prompt, completion, 900, 0, false, cost, false,
                "SIMPLE", provider + ":OK");
    }

    private static void answer(Seeder seed, Tenant tenant, String customer, String question, Instant at, long afterMillis,
                               ReplyAccounting accounting) {
        StoredMessage in = seed.inbound(tenant, customer, question, at);
        seed.reply(tenant, customer, List.of(in), "reply to " + question, at.plusMillis(afterMillis), accounting);
    }
}
