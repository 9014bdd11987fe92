package dev.waagent.infra.config;

/**
 * The scheduler-function's jobs. Each becomes one EventBridge schedule invoking the scheduler alias with
 * {@code {"job":"<id>"}}. Expressions are EventBridge Scheduler syntax, evaluated in UTC.
 */
public enum SchedulerJob {
    /** Summarise long or idle conversations. */
    SUMMARIES("summaries", "rate(15 minutes)"),
    /** Expire old context, keeping key facts. */
    CONTEXT_EXPIRY("context-expiry", "rate(5 minutes)"),
    /** Follow up on open leads and unanswered questions. */
    FOLLOW_UPS("follow-ups", "rate(15 minutes)"),
    /**
     * Roll up each tenant's completed local day. Hourly (at :05): tenants' days end at different UTC hours, so each
     * day is stored within the hour after the tenant's midnight; a run with nothing due costs one small query per
     * tenant.
     */
    DAILY_ROLLUP("daily-rollup", "cron(5 * * * ? *)"),
    /**
     * Owner briefing. Runs hourly: tenants live in different time zones, so the job sends to the tenants whose
     * local time has just reached their briefing hour.
     */
    MORNING_BRIEFING("morning-briefing", "cron(0 * * * ? *)"),
    /**
     * Booking reminders, the day before, within each tenant's reminder hours (local 10:00–20:00 by default). Hourly
     * at :15: every time zone reaches its reminder hours at some run; a run outside them costs nothing for a tenant.
     */
    BOOKING_REMINDERS("booking-reminders", "cron(15 * * * ? *)");

    private final String id;
    private final String expression;

    SchedulerJob(String id, String expression) {
        this.id = id;
        this.expression = expression;
    }

    /** The value of {@code job} in the input; also part of the schedule's name. */
    public String id() {
        return id;
    }

    public String expression() {
        return expression;
    }

    /** The JSON input the scheduler handler receives. */
    public String inputJson() {
        return "{\"job\":\"" + id + "\"}";
    }
}
