package dev.waagent.scheduler;

import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MorningBriefingJobTest implements TestPropertyProvider {

    private static final ZoneId PUNE = ZoneId.of("Asia/Kolkata");
    private static final String TENANT = "briefed-shop";
    private static final String OWNER = "919800000001";

    @Inject
    MorningBriefingJob job;
    @Inject
    RollupStore rollups;
    @Inject
    RecordingChannel channel;
    @Inject
    ManualClock clock;
    @Inject
    ConversationStore store;
    @Inject
    TenantDirectory tenants;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(SchedulerTestProperties.fresh());
        properties.put("test.recording-channel", "true");
        properties.put("wa.scheduler.tenants." + TENANT + ".owner-number", OWNER);
        return properties;
    }

    @Test
    void theOwnerGetsYesterdayInAFewLinesOnceAtTheBriefingHour() {
        Seeder seed = new Seeder(store, tenants);
        Tenant tenant = new Tenant(TENANT, "Pune Camera Rentals", "whatsapp", "pn-briefed", null, null, null, "Asha", "",
                "", PUNE, List.of("en"), List.of(), true);
        tenants.save(tenant);
        LocalDate today = LocalDate.ofInstant(clock.peek(), PUNE);
        Instant eight = today.atTime(8, 0).atZone(PUNE).toInstant();
        rollups.saveIfAbsent(new DailyRollup(TENANT, today.minusDays(1), PUNE.getId(), 42, 40, 12, 2,
                Map.of("customer asked for a person", 1, "no confident answer", 1), 3, 1,
                List.of(new DailyRollup.QuestionCount("What are your hours?", 5)), 1, List.of("Can I pay by UPI?"), 2,
                List.of("Do you rent drones?"), Map.of("openai", new DailyRollup.ProviderUsage(30, 24000, 1500, 0.0125)),
                4_200, 30, false, eight));
        // The owner wrote to the business number last evening: inside the 24-hour window.
        StoredMessage hello = seed.inbound(tenant, OWNER, "hi, owner here", eight.minus(Duration.ofHours(12)));
        seed.reply(tenant, OWNER, List.of(hello), "Hello!", eight.minus(Duration.ofHours(12)).plusSeconds(2), ReplyAccounting.NONE);
        // A customer's question from this morning, still unanswered: a follow-up pending today.
        seed.turn(tenant, Seeder.customer(), "FX3?", "Available. Shall I book it?", eight.minus(Duration.ofHours(1)),
                Duration.ofSeconds(2));

        clock.set(eight.minusSeconds(60));
        assertThat(job.run(Duration.ofMinutes(1))).contains("skipped-not-briefing-hour=1");
        clock.set(eight.plus(Duration.ofMinutes(30)));
        assertThat(job.run(Duration.ofMinutes(1))).contains("briefed=1");
        assertThat(job.run(Duration.ofMinutes(1))).contains("already-briefed=1").doesNotContain(" briefed=");

        assertThat(channel.to(OWNER)).singleElement().satisfies(sent -> {
            List<String> lines = sent.text().lines().toList();
            assertThat(lines).hasSizeBetween(6, 10);
            assertThat(sent.text()).contains("42 messages in, 40 out, 12 conversations")
                    .contains("2 handed to a person").contains("3 new leads, 1 booking request to follow up")
                    .contains("\"What are your hours?\" (5)")
                    .contains("2 without a confident answer, 1 unanswered").contains("p95 4.2 s")
                    .endsWith("Today: 1 follow-up pending");
        });
    }

    @Test
    void theBriefingGoesToTheTenantsOwnersInsideTheirWindowNotToOtherStaff() {
        Seeder seed = new Seeder(store, tenants);
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        String ownerInWindow = "5511900000001";
        String ownerAway = "5511900000002";
        String staffMember = "5511900000003";
        Tenant tenant = new Tenant("briefed-owners", "Loja", "whatsapp", "pn-owners", null, null, null, "Ana", "", "",
                saoPaulo, List.of("en"), List.of(), true, List.of(new StaffContact(ownerInWindow, "Ana", StaffContact.Role.OWNER),
                new StaffContact(ownerAway, "Bia", StaffContact.Role.OWNER), new StaffContact(staffMember, "Caio", StaffContact.Role.STAFF)),
                OpeningHours.UNKNOWN, List.of());
        tenants.save(tenant);
        LocalDate today = LocalDate.ofInstant(clock.peek(), saoPaulo).plusDays(2);
        Instant eight = today.atTime(8, 0).atZone(saoPaulo).toInstant();
        for (String member : List.of(ownerInWindow, staffMember, ownerAway)) {
            Instant wrote = eight.minus(Duration.ofHours(member.equals(ownerAway) ? 30 : 3));
            StoredMessage command = seed.inbound(tenant, member, "/help", wrote);
            seed.reply(tenant, member, List.of(command), "Staff commands: …", wrote.plusSeconds(2), ReplyAccounting.NONE);
        }
        try {
            clock.set(eight.plus(Duration.ofMinutes(10)));
            assertThat(job.run(Duration.ofMinutes(1))).contains("briefed=1");
            assertThat(channel.to(ownerInWindow)).singleElement().satisfies(sent ->
                    assertThat(sent.text()).startsWith("Good morning! Yesterday").contains("at Loja"));
            assertThat(channel.to(ownerAway)).as("outside the owner's 24-hour window: held, not sent").isEmpty();
            assertThat(channel.to(staffMember)).as("staff who are not owners get no briefing").isEmpty();
        } finally {
            tenants.save(new Tenant(tenant.id(), tenant.name(), tenant.channel(), tenant.businessNumberId(), null, null, null,
                    "Ana", "", "", saoPaulo, List.of("en"), List.of(), false));
        }
    }
}
