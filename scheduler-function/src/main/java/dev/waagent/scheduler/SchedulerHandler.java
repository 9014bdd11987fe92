package dev.waagent.scheduler;

import dev.waagent.lambda.CurrentLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.MicronautRequestHandler;

import java.time.Duration;

/**
 * EventBridge entry point: one job per schedule, named in the input ({@code {"job":"context-expiry"}}); returns
 * the job's one-line summary. A run's budget is the Lambda's remaining time less a safety margin, so every job
 * stops cleanly and the next run continues.
 */
public class SchedulerHandler extends MicronautRequestHandler<JobRequest, String> {

    /** Leaves room to stop cleanly before Lambda's own timeout. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(10);
    static final String ENVIRONMENT = "scheduler";

    private final JobRunner jobs;
    private final CurrentLambdaContext lambda;
    private final SchedulerSettings settings;

    /** Used by AWS Lambda. */
    public SchedulerHandler() {
        super();
        this.jobs = getApplicationContext().getBean(JobRunner.class);
        this.lambda = getApplicationContext().getBean(CurrentLambdaContext.class);
        this.settings = getApplicationContext().getBean(SchedulerSettings.class);
    }

    /** Used by tests and the local runtime. */
    public SchedulerHandler(ApplicationContext context) {
        super(context);
        this.jobs = context.getBean(JobRunner.class);
        this.lambda = context.getBean(CurrentLambdaContext.class);
        this.settings = context.getBean(SchedulerSettings.class);
    }

    /**
     * The worker's wiring is on the classpath (the LLM chain, the channel), and with it the worker's queue
     * consumer: Lambda's eager singleton start-up would build that too (and fail without a queue URL). Here
     * beans are built when a job first needs them. The {@code scheduler} environment names the function.
     */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        // Lambda's builder minus eager singletons (turning them off afterwards does not undo them).
        return ApplicationContext.builder()
                .environments(Environment.FUNCTION, "lambda", ENVIRONMENT)
                .eagerInitConfiguration(true);
    }

    @Override
    public String execute(JobRequest request) {
        Duration budget = lambda.get()
                .map(context -> Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN))
                .orElse(settings.getDefaultBudget());
        return jobs.run(request, budget.isNegative() ? Duration.ZERO : budget);
    }
}
