package dev.waagent.scheduler;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;

import java.time.Duration;

/**
 * EventBridge entry point: one job per schedule, named in the input. The jobs themselves arrive with issue 7;
 * until then an unknown name fails loudly rather than doing nothing.
 */
public class SchedulerHandler extends MicronautRequestHandler<JobRequest, String> {

    /** Leaves room to stop cleanly before Lambda's own timeout. */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);

    private final JobRunner jobs;

    /** Used by AWS Lambda. */
    public SchedulerHandler() {
        super();
        this.jobs = getApplicationContext().getBean(JobRunner.class);
    }

    /** Used by tests and the local runtime. */
    public SchedulerHandler(ApplicationContext context) {
        super(context);
        this.jobs = context.getBean(JobRunner.class);
    }

    @Override
    public String execute(JobRequest request) {
        return jobs.run(request, Duration.ofMinutes(5).minus(SAFETY_MARGIN));
    }
}
