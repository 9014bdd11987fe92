package dev.waagent.scheduler;

/**
 * Run by hand on the deployable jar alone (see the module's notes): builds the handler the way Lambda does (no-arg
 * constructor, Lambda context builder) and asks for an unknown job, which lists the known ones. Fails if the
 * worker's queue consumer were built eagerly (no queue URL here) or a job's wiring were missing from the jar.
 */
public final class ShadedJarProbe {

    private ShadedJarProbe() {
    }

    public static void main(String[] args) {
        SchedulerHandler handler = new SchedulerHandler();
        try {
            handler.execute(new JobRequest("probe"));
        } catch (IllegalArgumentException expected) {
            System.out.println("SHADED-JAR-OK " + expected.getMessage());
        }
        handler.close();
    }
}
