package dev.waagent.local;

import dev.waagent.scheduler.JobRequest;
import dev.waagent.scheduler.JobRunner;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.SortedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scheduler's jobs in this process: on a timer when {@code wa.local.scheduler.enabled} (the way
 * EventBridge invokes the scheduler Lambda), and one at a time on request. Runs never overlap.
 */
@Singleton
public class LocalScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScheduler.class);

    private final JobRunner jobs;
    private final LocalSchedulerSettings settings;
    private ScheduledExecutorService timer;

    public LocalScheduler(JobRunner jobs, LocalSchedulerSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    public SortedSet<String> jobs() {
        return jobs.names();
    }

    /** Runs one job now. @throws IllegalArgumentException for an unknown job */
    public synchronized String run(String job) {
        return jobs.run(new JobRequest(job), settings.getBudget());
    }

    synchronized void startTimer() {
        if (timer != null || !settings.isEnabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.getInterval().toMillis();
        timer.scheduleWithFixedDelay(this::runAll, every, every, TimeUnit.MILLISECONDS);
        LOG.info("scheduler jobs {} run every {}s", jobs(), settings.getInterval().toSeconds());
    }

    private void runAll() {
        for (String job : jobs()) {
            try {
                String summary = run(job);
                LOG.info("scheduler {}", summary);
            } catch (RuntimeException e) {
                // The timer must survive a failed run: the next one continues where this stopped.
                LOG.warn("scheduler job {} failed: {}", job, e.toString());
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
