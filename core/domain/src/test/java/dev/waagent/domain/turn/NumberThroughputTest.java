package dev.waagent.domain.turn;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.reply.ManualClock;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-number token bucket on a clock that only moves when something sleeps: nothing here really waits. */
class NumberThroughputTest {

    private static final Instant START = Instant.parse("2026-12-09T04:30:00Z");

    @Test
    void aBurstWithinTheBucketGoesAtOnceAndTheRestIsSpreadAtTheRate() throws Exception {
        ManualClock clock = new ManualClock(START);
        NumberThroughput throughput = NumberThroughput.shareOf(80, 1, clock);

        for (int i = 0; i < 80; i++) {
            assertThat(throughput.acquire("whatsapp:1098765")).isZero();
        }
        assertThat(clock.now()).isEqualTo(START);
        for (int i = 0; i < 160; i++) {
            throughput.acquire("whatsapp:1098765");
        }

        // 240 messages at 80/s with 80 saved up: the last one goes 2 s after the first.
        assertThat(Duration.between(START, clock.now())).isEqualTo(Duration.ofSeconds(2));
        // Never more than the rate plus the saved burst in any second.
        assertThat(clock.sleeps()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMillis(13)));
    }

    @Test
    void eachInstanceKeepsToItsShareOfTheNumber() throws Exception {
        ManualClock clock = new ManualClock(START);
        // 80 messages/s shared by 9 worker instances and the scheduler: 8 per second each.
        NumberThroughput throughput = NumberThroughput.shareOf(80, 10, clock);
        assertThat(throughput.perSecond()).isEqualTo(8.0);

        for (int i = 0; i < 24; i++) {
            throughput.acquire("whatsapp:1098765");
        }

        assertThat(Duration.between(START, clock.now())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void numbersDoNotWaitForEachOther() throws Exception {
        ManualClock clock = new ManualClock(START);
        NumberThroughput throughput = new NumberThroughput(2, 1, clock);

        assertThat(throughput.acquire("whatsapp:A")).isZero();
        assertThat(throughput.acquire("whatsapp:B")).isZero();
        assertThat(throughput.acquire("whatsapp:A")).isEqualTo(Duration.ofMillis(500));
        assertThat(throughput.acquire("whatsapp:C")).isZero();
    }

    @Test
    void aQuietNumberSavesUpOnlyToItsBurst() throws Exception {
        ManualClock clock = new ManualClock(START);
        NumberThroughput throughput = new NumberThroughput(10, 5, clock);
        for (int i = 0; i < 5; i++) {
            throughput.acquire("n");
        }
        clock.advance(Duration.ofMinutes(10));

        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waits.add(throughput.acquire("n"));
        }

        assertThat(waits.subList(0, 5)).containsOnly(Duration.ZERO);
        assertThat(waits.subList(5, 7)).containsOnly(Duration.ofMillis(100));
    }

    @Test
    void concurrentSendersEachGetTheirOwnSlotInArrivalOrder() throws Exception {
        ManualClock clock = new ManualClock(START);
        NumberThroughput throughput = new NumberThroughput(10, 2, clock);
        int senders = 50;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Duration>> reserved = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                reserved.add(pool.submit(() -> {
                    go.await();
                    return throughput.reserve("n");
                }));
            }
            go.countDown();
            List<Duration> waits = new ArrayList<>();
            for (Future<Duration> wait : reserved) {
                waits.add(wait.get());
            }
            // The clock stood still: two saved tokens go at once, then one slot every 100 ms, none shared.
            List<Duration> expected = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                expected.add(Duration.ofMillis(Math.max(0, i - 1) * 100L));
            }
            assertThat(waits).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSendThatWouldWaitPastTheCapFailsRetryablyAtOnceAndGivesItsTokenBack() throws Exception {
        ManualClock clock = new ManualClock(START);
        // One message a second, waits capped at 1.5 s (the send lease is far longer).
        NumberThroughput throughput = new NumberThroughput(1, 1, Duration.ofMillis(1500), clock);
        assertThat(throughput.acquire("n")).isZero();
        assertThat(throughput.acquire("n")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throughput.reserve("n")).isEqualTo(Duration.ofSeconds(1)); // a sender now holds the slot at +1 s

        assertThatThrownBy(() -> throughput.acquire("n"))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(NumberThroughput.WAIT_TOO_LONG);
                });

        // The refused send did not sleep, and its slot (+2 s) is free again: once the held one passes, the next
        // send waits 1 s, not 2.
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throughput.acquire("n")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anInterruptedWaitGivesItsTokenBack() throws Exception {
        ManualClock clock = new ManualClock(START);
        TimeSource interrupting = new TimeSource() {
            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new InterruptedException("turn cancelled");
            }
        };
        NumberThroughput throughput = new NumberThroughput(1, 1, interrupting);
        assertThat(throughput.acquire("n")).isZero();

        assertThatThrownBy(() -> throughput.acquire("n")).isInstanceOf(InterruptedException.class);

        // The next sender waits for the slot the interrupted one never used, not one behind it.
        assertThat(throughput.reserve("n")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theThrottledChannelFailsASendOverTheCapAsRetryableWithoutCallingThePlatform() {
        ManualClock clock = new ManualClock(START);
        Recorder sent = new Recorder(clock);
        ThrottledChannel channel = new ThrottledChannel(sent, new NumberThroughput(1, 1, Duration.ZERO, clock),
                ThrottledChannel.Observer.NONE);
        Tenant pune = tenant("pune", "1098765");
        channel.sendText(pune, "919800000001", "first", null);

        assertThatThrownBy(() -> channel.sendText(pune, "919800000002", "second", null))
                .isInstanceOfSatisfying(ChannelSendException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(sent.events).containsExactly("text 919800000001 @0");
    }

    @Test
    void refusesSettingsThatWouldNeverSendOrNeverWait() {
        ManualClock clock = new ManualClock(START);
        assertThatThrownBy(() -> new NumberThroughput(0, 1, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberThroughput(5, 0.5, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberThroughput.shareOf(80, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theThrottledChannelWaitsBeforeEveryMessageButNeverBeforeAReadReceipt() throws Exception {
        ManualClock clock = new ManualClock(START);
        Recorder sent = new Recorder(clock);
        List<Duration> observed = new CopyOnWriteArrayList<>();
        ThrottledChannel channel = new ThrottledChannel(sent, new NumberThroughput(1, 1, clock),
                (tenantId, waited) -> observed.add(waited));
        Tenant pune = tenant("pune", "1098765");
        Tenant jakarta = tenant("jakarta", "2098765");

        channel.sendText(pune, "919800000001", "first", null);
        channel.sendReply(pune, "919800000002", new OutboundPart(0, new Reply.Text("second")), null);
        channel.markRead(pune, "wamid.1", true);
        channel.sendText(jakarta, "628100000001", "other number", null);

        assertThat(sent.events).containsExactly(
                "text 919800000001 @0", "reply 919800000002 @1000", "read wamid.1 @1000", "text 628100000001 @1000");
        assertThat(observed).containsExactly(Duration.ofSeconds(1));
    }

    private static Tenant tenant(String id, String number) {
        return new Tenant(id, id, "whatsapp", number, "+0", "s", "t", "Asha", "", "", ZoneId.of("Asia/Kolkata"),
                List.of("en"), List.of(), true);
    }

    /** Notes what went, and when on the clock (milliseconds after the start). */
    private static final class Recorder implements OutboundChannel {
        final List<String> events = new CopyOnWriteArrayList<>();
        final TimeSource clock;

        Recorder(TimeSource clock) {
            this.clock = clock;
        }

        private long at() {
            return Duration.between(START, clock.now()).toMillis();
        }

        @Override
        public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
            events.add("text " + customerId + " @" + at());
            return "wamid.sent";
        }

        @Override
        public String sendReply(Tenant tenant, String customerId, OutboundPart part, String replyToMessageId) {
            events.add("reply " + customerId + " @" + at());
            return "wamid.sent";
        }

        @Override
        public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            events.add("read " + messageId + " @" + at());
        }
    }
}
