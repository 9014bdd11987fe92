package dev.waagent.infra.constructs;

import dev.waagent.infra.config.SchedulerJob;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * One EventBridge Scheduler schedule per {@link SchedulerJob}, in a schedule group of the stage, invoking the
 * scheduler function's alias with {@code {"job":"<id>"}}. Retries twice within ten minutes; a job that still fails
 * shows in the scheduler's Errors alarm and the next run picks the work up.
 */
public final class SchedulerJobs extends Construct {

    /**
     * @param groupName schedule group name, e.g. {@code wa-agent-dev}
     * @param target    the scheduler alias
     * @param jobs      the jobs to schedule
     * @param enabled   schedules start enabled
     */
    public record Props(String groupName, IFunction target, List<SchedulerJob> jobs, boolean enabled) {
        public Props {
            if (groupName == null || !groupName.matches("[0-9a-zA-Z-_.]{1,64}")) {
                throw new IllegalArgumentException("groupName must be 1-64 of [0-9a-zA-Z-_.]: " + groupName);
            }
            Objects.requireNonNull(target, "target");
            jobs = List.copyOf(Objects.requireNonNullElse(jobs, List.of()));
            if (jobs.isEmpty() || jobs.stream().distinct().count() != jobs.size()) {
                throw new IllegalArgumentException("jobs must be non-empty and distinct");
            }
        }
    }

    private final ScheduleGroup group;
    private final Map<SchedulerJob, Schedule> schedules = new EnumMap<>(SchedulerJob.class);

    public SchedulerJobs(Construct scope, String id, Props props) {
        super(scope, id);
        group = ScheduleGroup.Builder.create(this, "Group")
                .scheduleGroupName(props.groupName())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        for (SchedulerJob job : props.jobs()) {
            LambdaInvoke target = new LambdaInvoke(props.target(), ScheduleTargetBaseProps.builder()
                    .input(ScheduleTargetInput.fromText(job.inputJson()))
                    .retryAttempts(2)
                    .maxEventAge(Duration.minutes(10))
                    .build());
            schedules.put(job, Schedule.Builder.create(this, "Job-" + job.id())
                    .scheduleName(props.groupName() + "-" + job.id())
                    .scheduleGroup(group)
                    .description("scheduler-function job " + job.id())
                    .schedule(ScheduleExpression.expression(job.expression()))
                    .target(target)
                    .enabled(props.enabled())
                    .build());
        }
    }

    public ScheduleGroup group() {
        return group;
    }

    public Map<SchedulerJob, Schedule> schedules() {
        return Map.copyOf(schedules);
    }
}
