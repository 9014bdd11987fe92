package dev.waagent.domain.turn;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TurnSideCallsTest {

    @Test
    void whenEveryThreadIsBusyTheCallerMakesTheCallItselfInsteadOfQueueingOrGrowing() throws Exception {
        ExecutorService pool = TurnSideCalls.newExecutor(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        try {
            Future<String> first = pool.submit(() -> {
                busy.countDown();
                release.await();
                return Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? " daemon" : "");
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

            Future<String> second = pool.submit(() -> Thread.currentThread().getName());

            assertThat(second.isDone()).isTrue();
            assertThat(second.get()).isEqualTo(Thread.currentThread().getName());
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(TurnSideCalls.NAME + "-1 daemon");
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aCallAfterShutdownStillRunsSoNobodyWaitsForeverForIt() throws Exception {
        ExecutorService pool = TurnSideCalls.newExecutor(2);
        pool.shutdown();

        Future<String> late = pool.submit(() -> "ran");

        assertThat(late.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
    }
}
