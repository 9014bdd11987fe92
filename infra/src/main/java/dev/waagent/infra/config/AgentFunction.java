package dev.waagent.infra.config;

import java.nio.file.Path;

/**
 * The four Lambda functions: handler class, where Maven puts the deployable jar, and the value of the
 * EMF {@code Function} dimension ({@link dev.waagent.domain.MetricNames#DIM_FUNCTION}) the code emits.
 */
public enum AgentFunction {
    WEBHOOK("webhook", "dev.waagent.webhook.WebhookHandler", "webhook-function/target/wa-agent-webhook-lambda.jar"),
    WORKER("worker", "dev.waagent.worker.WorkerHandler", "worker-function/target/wa-agent-worker-lambda.jar"),
    SCHEDULER("scheduler", "dev.waagent.scheduler.SchedulerHandler",
            "scheduler-function/target/wa-agent-scheduler-lambda.jar"),
    /** The admin API ({@code /admin/*}): JDBC and the embedding model live here, never in the webhook. */
    ADMIN("admin", "dev.waagent.admin.AdminHandler", "admin-function/target/wa-agent-admin-lambda.jar");

    private final String id;
    private final String handler;
    private final String artifact;

    AgentFunction(String id, String handler, String artifact) {
        this.id = id;
        this.handler = handler;
        this.artifact = artifact;
    }

    /** Short name used in resource names and as the EMF {@code Function} dimension value. */
    public String id() {
        return id;
    }

    public String handler() {
        return handler;
    }

    /** The jar, relative to the repository root. */
    public Path artifact(Path repositoryRoot) {
        return repositoryRoot.resolve(artifact);
    }
}
