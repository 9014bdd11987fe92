package dev.waagent.local;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Starts the scheduler's timer once the server is up (it does nothing unless {@code wa.local.scheduler.enabled}). */
@Singleton
public class LocalSchedulerTimer implements ApplicationEventListener<ServerStartupEvent> {

    private final LocalScheduler scheduler;

    public LocalSchedulerTimer(LocalScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.startTimer();
    }
}
