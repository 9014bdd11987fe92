package dev.waagent.domain.reply;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairPacerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private final PairPacer pacer = PairPacer.metaDefaults();

    @Test
    void aShortReplyGoesAsABurstOneSecondApartThenSixSecondsEach() {
        List<Instant> times = pacer.schedule(List.of(), NOW, 5);

        assertThat(times).containsExactly(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2), NOW.plusSeconds(6), NOW.plusSeconds(12));
    }

    @Test
    void recentSendsToTheCustomerCountAgainstTheBurst() {
        List<Instant> recent = List.of(NOW.minusSeconds(4), NOW.minusSeconds(3), NOW.minusSeconds(2));

        // Three sent within the last 4 s used the burst: the next waits until the rate has caught up.
        assertThat(pacer.schedule(recent, NOW, 2)).containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(8));
        assertThat(pacer.schedule(List.of(NOW.minusSeconds(600)), NOW, 1)).containsExactly(NOW);
    }

    @Test
    void overAnyLongRunTheAverageRateStaysWithinOnePerSixSeconds() {
        Random random = new Random(3);
        List<Instant> sent = new ArrayList<>();
        Instant now = NOW;
        for (int turn = 0; turn < 200; turn++) {
            now = now.plusMillis(random.nextInt(20_000));
            List<Instant> times = pacer.schedule(sent, now, 1 + random.nextInt(4));
            for (Instant at : times) {
                assertThat(at).isAfterOrEqualTo(now);
                if (!sent.isEmpty()) {
                    assertThat(at).isAfterOrEqualTo(sent.get(sent.size() - 1).plusSeconds(1));
                }
                sent.add(at);
            }
            now = sent.get(sent.size() - 1);
        }
        // Any window of n consecutive messages spans at least (n - burst) × 6 s.
        for (int i = 0; i < sent.size(); i++) {
            for (int j = i + 3; j < sent.size(); j++) {
                Duration span = Duration.between(sent.get(i), sent.get(j));
                assertThat(span).isGreaterThanOrEqualTo(Duration.ofSeconds(6L * (j - i - 2)));
            }
        }
    }

    @Test
    void sendInOrderWaitsWithTheClockAndStopsAtTheFirstFailure() throws InterruptedException {
        ManualClock clock = new ManualClock(NOW);
        List<String> delivered = new ArrayList<>();
        List<Instant> at = new ArrayList<>();

        pacer.sendInOrder(List.of("p0", "p1", "p2", "p3"), List.of(), clock, part -> {
            delivered.add(part);
            at.add(clock.now());
        });

        assertThat(delivered).containsExactly("p0", "p1", "p2", "p3");
        assertThat(at).containsExactly(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2), NOW.plusSeconds(6));

        List<String> second = new ArrayList<>();
        assertThatThrownBy(() -> pacer.sendInOrder(List.of("q0", "q1", "q2"), List.of(), clock, part -> {
            if (part.equals("q1")) {
                throw new IllegalStateException("131056");
            }
            second.add(part);
        })).hasMessage("131056");
        assertThat(second).containsExactly("q0");
    }

    @Test
    void thePairRateBackoffFollowsMetasFourToTheX() {
        assertThat(List.of(1, 2, 3, 4).stream().map(PairPacer::backoffAfter).toList())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(16), Duration.ofSeconds(64));
        assertThat(PairPacer.backoffAfter(0)).isZero();
    }

    @Test
    void settingsOutsideMetasRulesAreRefused() {
        assertThatThrownBy(() -> new PairPacer(Duration.ofSeconds(6), 46, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairPacer(Duration.ZERO, 3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
