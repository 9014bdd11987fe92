package dev.waagent.domain;

/**
 * The CloudWatch EMF namespace, metric and dimension names the code emits. The CDK dashboard and alarms
 * reference these same constants, so a rename cannot silently break a widget.
 */
public final class MetricNames {

    public static final String NAMESPACE = "WaAgent";

    // Dimensions
    public static final String DIM_FUNCTION = "Function";
    public static final String DIM_TENANT = "Tenant";
    public static final String DIM_PROVIDER = "Provider";
    public static final String DIM_OUTCOME = "Outcome";
    public static final String DIM_JOB = "Job";

    // webhook-function
    public static final String WEBHOOK_REQUESTS = "WebhookRequests";
    public static final String WEBHOOK_REJECTED = "WebhookRejected";
    public static final String WEBHOOK_FAILED = "WebhookFailed";
    public static final String WEBHOOK_LATENCY = "WebhookLatency";
    public static final String MESSAGES_RECEIVED = "MessagesReceived";
    public static final String DUPLICATE_DELIVERIES = "DuplicateDeliveries";
    public static final String UNKNOWN_TENANT_DROPPED = "UnknownTenantDropped";
    public static final String STATUS_UPDATES = "StatusUpdates";

    // worker-function
    public static final String TURNS = "Turns";
    public static final String REPLIES_SENT = "RepliesSent";
    public static final String TURN_DURATION = "TurnDuration";
    public static final String SEND_FAILURES = "SendFailures";
    public static final String PROVIDER_CALLS = "ProviderCalls";
    public static final String PROVIDER_ERRORS = "ProviderErrors";
    public static final String PROVIDER_LATENCY = "ProviderLatency";
    public static final String FALLBACKS = "Fallbacks";
    public static final String LOCAL_FALLBACKS = "LocalFallbacks";
    public static final String CIRCUIT_OPENED = "CircuitOpened";
    public static final String CACHE_HITS = "CacheHits";
    public static final String CACHE_MISSES = "CacheMisses";
    public static final String PROMPT_TOKENS = "PromptTokens";
    public static final String COMPLETION_TOKENS = "CompletionTokens";
    public static final String COST_USD = "CostUsd";
    public static final String HANDOFFS = "Handoffs";
    public static final String OPT_OUTS = "OptOuts";
    /** Which stage of intent routing decided a customer turn (one of the four is 1 per turn, the others 0). */
    public static final String INTENTS_BY_RULES = "IntentsByRules";
    public static final String INTENTS_BY_EMBEDDING = "IntentsByEmbedding";
    public static final String INTENTS_BY_LEXICAL = "IntentsByLexical";
    public static final String INTENTS_BY_LLM = "IntentsByLlm";
    /**
     * Staff notices (handoffs, leads, returns to the bot, briefings) sent as text, sent as the approved staff-alert
     * template (outside the staff number's window), held (outside it with no template, or opted out), failed.
     */
    public static final String STAFF_NOTICES_SENT = "StaffNoticesSent";
    public static final String STAFF_NOTICES_SENT_AS_TEMPLATE = "StaffNoticesSentAsTemplate";
    public static final String STAFF_NOTICES_HELD = "StaffNoticesHeld";
    public static final String STAFF_NOTICES_FAILED = "StaffNoticesFailed";
    /** Sends that waited for their business number's throughput share (and how long), instead of meeting 130429. */
    public static final String THROUGHPUT_WAITS = "ThroughputWaits";
    public static final String THROUGHPUT_WAIT_TIME = "ThroughputWaitTime";

    // scheduler-function: each job run, and each tenant's daily rollup (emitted once, when the day is stored)
    public static final String JOB_RUNS = "JobRuns";
    public static final String JOB_DUE_READ = "JobDueRead";
    public static final String JOB_ACTIONS = "JobActions";
    public static final String JOB_READ_UNITS = "JobReadUnits";
    public static final String JOB_STOPPED_BY_BUDGET = "JobStoppedByBudget";
    public static final String JOB_FAILURES = "JobFailures";
    public static final String JOB_DURATION = "JobDuration";
    public static final String HANDOFFS_RETURNED = "HandoffsReturned";
    /** Booking reminders (the day before): sent as text, sent as the approved template, not sent (no template), failed. */
    public static final String REMINDERS_SENT_TEXT = "RemindersSentText";
    public static final String REMINDERS_SENT_TEMPLATE = "RemindersSentTemplate";
    public static final String REMINDERS_NO_TEMPLATE = "RemindersNoTemplate";
    public static final String REMINDERS_FAILED = "RemindersFailed";
    public static final String ROLLUP_MESSAGES_IN = "RollupMessagesIn";
    public static final String ROLLUP_MESSAGES_OUT = "RollupMessagesOut";
    public static final String ROLLUP_CONVERSATIONS = "RollupConversations";
    public static final String ROLLUP_HANDOFFS = "RollupHandoffs";
    public static final String ROLLUP_LEADS = "RollupLeads";
    public static final String ROLLUP_BOOKING_REQUESTS = "RollupBookingRequests";
    public static final String ROLLUP_UNANSWERED = "RollupUnansweredQuestions";
    public static final String ROLLUP_TOKENS = "RollupTokens";
    public static final String ROLLUP_COST_USD = "RollupCostUsd";
    public static final String ROLLUP_P95_REPLY = "RollupP95ReplyTime";

    private MetricNames() {
    }
}
