package dev.waagent.local;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** {@code POST /local/scheduler/{job}} runs one scheduler job now; {@code GET /local/scheduler} lists them. */
@Controller("/local/scheduler")
public class LocalSchedulerController {

    /** What a run did: the job's one-line summary. */
    @Serdeable
    public record JobRun(String job, String summary) {
    }

    /** A job name nobody knows. */
    @Serdeable
    public record UnknownJob(String error, List<String> jobs) {
    }

    private final LocalScheduler scheduler;

    public LocalSchedulerController(LocalScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Get
    public List<String> jobs() {
        return List.copyOf(scheduler.jobs());
    }

    @Post("/{job}")
    public HttpResponse<?> run(@PathVariable String job) {
        if (!scheduler.jobs().contains(job)) {
            return HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(new UnknownJob("unknown job '" + job + "'", List.copyOf(scheduler.jobs())));
        }
        return HttpResponse.ok(new JobRun(job, scheduler.run(job)));
    }
}
