package dev.waagent.domain.turn;

import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TypingPresenceTest {

    private static final Tenant TENANT = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1098765", "+91", "s", "t",
            "Asha", "", "", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);

    /** Notes each read receipt; its capabilities are chosen by the test. */
    private static class Receipts implements OutboundChannel {
        final List<String> shown = new CopyOnWriteArrayList<>();
        final ChannelCapabilities capabilities;
        final boolean failing;

        Receipts(ChannelCapabilities capabilities, boolean failing) {
            this.capabilities = capabilities;
            this.failing = failing;
        }

        @Override
        public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            shown.add(messageId + (showTyping ? "+typing" : ""));
            if (failing) {
                throw new ChannelSendException("down", "500", true, null);
            }
        }

        @Override
        public ChannelCapabilities capabilities(Tenant tenant) {
            return capabilities;
        }
    }

    @Test
    void theMessageIsMarkedReadWithTypingAtOnceAndTheIndicatorRefreshedUntilTheTurnEnds() throws Exception {
        Receipts channel = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, false);
        TypingPresence presence = new TypingPresence(channel, Duration.ofMillis(40), 100);

        try (TypingPresence.Session session = presence.start(TENANT, "wamid.1")) {
            waitFor(() -> !channel.shown.isEmpty());
            assertThat(channel.shown.get(0)).isEqualTo("wamid.1+typing");
            waitFor(() -> channel.shown.size() >= 3);
        }
        int afterClose = channel.shown.size();
        Thread.sleep(200);
        assertThat(channel.shown).hasSize(afterClose).containsOnly("wamid.1+typing");
    }

    @Test
    void refreshesStopAtTheLimitAndAChannelWithoutTypingIndicatorIsAskedOnce() throws Exception {
        Receipts whatsapp = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, false);
        try (TypingPresence.Session session = new TypingPresence(whatsapp, Duration.ofMillis(20), 2).start(TENANT, "wamid.2")) {
            Thread.sleep(300);
            assertThat(whatsapp.shown).hasSize(3);
        }
        Receipts textOnly = new Receipts(ChannelCapabilities.TEXT_ONLY, false);
        try (TypingPresence.Session session = new TypingPresence(textOnly, Duration.ofMillis(20), 5).start(TENANT, "SM1")) {
            Thread.sleep(150);
        }
        assertThat(textOnly.shown).hasSize(1);
    }

    @Test
    void theTurnGoesOnWhileTheFirstReceiptIsOnItsWayAndClosingWaitsForIt() throws Exception {
        CountDownLatch turnWentOn = new CountDownLatch(1);
        List<String> receipts = new CopyOnWriteArrayList<>();
        Receipts slow = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, false) {
            @Override
            public void markRead(Tenant tenant, String messageId, boolean showTyping) {
                try {
                    // Released by the test only once start() returned: a receipt sent inline would time out here.
                    receipts.add(turnWentOn.await(5, TimeUnit.SECONDS) ? "sent while the turn went on" : "turn was held up");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        TypingPresence.Session session = new TypingPresence(slow, Duration.ofSeconds(20), 3).start(TENANT, "wamid.4");
        turnWentOn.countDown();
        session.close();

        assertThat(receipts).containsExactly("sent while the turn went on");
    }

    @Test
    void aFirstReceiptStillOnItsWayWhenTheTurnEndsIsCancelledNotLeftToLandAfterTheReply() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch platformAnswers = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        List<String> outcome = new CopyOnWriteArrayList<>();
        Receipts hanging = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, false) {
            @Override
            public void markRead(Tenant tenant, String messageId, boolean showTyping) {
                entered.countDown();
                try {
                    platformAnswers.await();
                    outcome.add("receipt with typing landed");
                } catch (InterruptedException e) {
                    outcome.add("cancelled");
                } finally {
                    finished.countDown();
                }
            }
        };
        TypingPresence presence = new TypingPresence(hanging, Duration.ofSeconds(20), 3, Duration.ZERO,
                TurnSideCalls.newExecutor(2));
        TypingPresence.Session session = presence.start(TENANT, "wamid.5");
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        session.close(); // the wait for the receipt is over: the reply goes now
        platformAnswers.countDown();

        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome).containsExactly("cancelled");
    }

    @Test
    void aReceiptThatHadNotStartedWhenTheTurnEndedIsNeverSent() {
        Receipts channel = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, false);
        List<Runnable> held = new ArrayList<>();
        // Every side-call thread is busy: the receipt waits for one.
        TypingPresence presence = new TypingPresence(channel, Duration.ofSeconds(20), 3, Duration.ZERO, held::add);

        presence.start(TENANT, "wamid.6").close();
        held.forEach(Runnable::run);

        assertThat(channel.shown).isEmpty();
    }

    @Test
    void aFailingReadReceiptNeverFailsTheTurn() throws Exception {
        Receipts failing = new Receipts(ChannelCapabilities.WHATSAPP_CLOUD, true);
        try (TypingPresence.Session session = new TypingPresence(failing, Duration.ofMillis(20), 3).start(TENANT, "wamid.3")) {
            waitFor(() -> failing.shown.size() >= 2);
        }
        assertThat(failing.shown).isNotEmpty();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
