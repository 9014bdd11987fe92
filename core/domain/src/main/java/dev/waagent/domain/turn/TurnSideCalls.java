package dev.waagent.domain.turn;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool for a turn's side calls: the first read receipt ({@link TypingPresence}), the context's database
 * lookup ({@code ContextBuilder}) and the second call of a store operation that makes two at once. Created once per
 * process (the worker's factory) and shut down with it.
 * <p>
 * At most {@code threads} daemon threads, made as calls overlap and idled out. No queue: when every thread is busy the
 * caller makes the call itself (also after shutdown: nobody waits for a call that never runs), so a burst costs a round trip instead of threads, and a side call that waits for
 * another side call can never wait behind a queue this pool cannot drain.
 */
public final class TurnSideCalls {

    /** The name of the one executor bean. */
    public static final String NAME = "turn-side-calls";
    public static final int DEFAULT_THREADS = 16;

    private TurnSideCalls() {
    }

    public static ExecutorService newExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, NAME + "-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (call, self) -> call.run());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
