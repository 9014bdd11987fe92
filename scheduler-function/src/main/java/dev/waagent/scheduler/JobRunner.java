package dev.waagent.scheduler;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Dispatches a schedule's request to its job. */
@Singleton
public class JobRunner {

    private final Map<String, ScheduledJob> jobs;

    public JobRunner(List<ScheduledJob> jobs) {
        this.jobs = jobs.stream().collect(Collectors.toMap(ScheduledJob::name, Function.identity()));
    }

    /** The job names the schedules may pass, sorted. */
    public java.util.SortedSet<String> names() {
        return new java.util.TreeSet<>(jobs.keySet());
    }

    public String run(JobRequest request, Duration budget) {
        if (request == null || request.job() == null) {
            throw new IllegalArgumentException("the schedule must pass {\"job\": \"<name>\"}; known jobs: " + jobs.keySet());
        }
        ScheduledJob job = jobs.get(request.job());
        if (job == null) {
            throw new IllegalArgumentException("unknown job '" + request.job() + "'; known jobs: " + jobs.keySet());
        }
        return job.run(budget);
    }
}
