package dev.waagent.worker;

import dev.waagent.domain.turn.ReplyBeingSentException;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.sqs.TurnTriggerCodec;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Processes one batch of turn triggers. Customers (FIFO groups) are independent and run in parallel, so one
 * customer's burst wait does not hold up the others; within a customer, triggers run in order and the first
 * failure fails the rest of that customer's triggers too, keeping their order for the retry.
 */
@Singleton
public class TurnBatchProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(TurnBatchProcessor.class);

    private final TurnService turns;
    private final TurnTriggerCodec codec;
    private final ExecutorService groups;

    public TurnBatchProcessor(TurnService turns, TurnTriggerCodec codec,
                              @Value("${wa.turn.group-parallelism:10}") int groupParallelism) {
        this.turns = turns;
        this.codec = codec;
        this.groups = Executors.newFixedThreadPool(Math.max(1, groupParallelism), runnable -> {
            Thread thread = new Thread(runnable, "turn-group");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return the queue message ids that failed and must be retried */
    public List<String> process(List<QueuedTurn> batch) {
        Map<String, List<QueuedTurn>> byGroup = new LinkedHashMap<>();
        for (QueuedTurn turn : batch) {
            String group = turn.group() == null ? turn.queueMessageId() : turn.group();
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(turn);
        }
        if (byGroup.size() == 1) {
            return processGroup(byGroup.values().iterator().next());
        }
        List<Future<List<String>>> running = new ArrayList<>();
        for (List<QueuedTurn> group : byGroup.values()) {
            running.add(groups.submit(() -> processGroup(group)));
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            try {
                failed.addAll(running.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.addAll(ids(new ArrayList<>(byGroup.values()).get(i)));
            } catch (ExecutionException e) {
                failed.addAll(ids(new ArrayList<>(byGroup.values()).get(i)));
            }
        }
        return failed;
    }

    private List<String> processGroup(List<QueuedTurn> group) {
        for (int i = 0; i < group.size(); i++) {
            QueuedTurn turn = group.get(i);
            try {
                TurnTrigger trigger = codec.read(turn.body());
                turns.take(trigger);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ids(group.subList(i, group.size()));
            } catch (IllegalArgumentException poison) {
                LOG.error("unreadable turn trigger {}: {}", turn.queueMessageId(), poison.getMessage());
                return ids(group.subList(i, group.size()));
            } catch (ReplyBeingSentException inFlight) {
                LOG.info("turn {} deferred: {}", turn.queueMessageId(), inFlight.getMessage());
                return ids(group.subList(i, group.size()));
            } catch (RuntimeException e) {
                LOG.warn("turn {} failed, will be retried: {}", turn.queueMessageId(), e.toString());
                return ids(group.subList(i, group.size()));
            }
        }
        return Collections.emptyList();
    }

    private static List<String> ids(List<QueuedTurn> turns) {
        return turns.stream().map(QueuedTurn::queueMessageId).toList();
    }

    @PreDestroy
    void stop() {
        groups.shutdownNow();
    }
}
