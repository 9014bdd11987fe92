package dev.waagent.scheduler;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * {@code wa.scheduler.tenants.<tenant id>.*}: one tenant's timings where they differ from the defaults. Until the
 * back office's agent configuration carries these, this is where a tenant configures them.
 */
@EachProperty("wa.scheduler.tenants")
public class TenantScheduleOverrides {

    private final String tenantId;
    private Duration contextExpiry;
    private Duration handoffTimeout;
    private Duration summaryIdle;
    private Integer summaryMinMessages;
    private Duration followUpDelay;
    private Integer briefingHour;
    private String ownerNumber;
    private Integer reminderFromHour;
    private Integer reminderUntilHour;

    public TenantScheduleOverrides(@Parameter String tenantId) {
        this.tenantId = tenantId;
    }

    public String getTenantId() {
        return tenantId;
    }

    @Nullable
    public Duration getContextExpiry() {
        return contextExpiry;
    }

    public void setContextExpiry(@Nullable Duration contextExpiry) {
        this.contextExpiry = contextExpiry;
    }

    @Nullable
    public Duration getHandoffTimeout() {
        return handoffTimeout;
    }

    public void setHandoffTimeout(@Nullable Duration handoffTimeout) {
        this.handoffTimeout = handoffTimeout;
    }

    @Nullable
    public Duration getSummaryIdle() {
        return summaryIdle;
    }

    public void setSummaryIdle(@Nullable Duration summaryIdle) {
        this.summaryIdle = summaryIdle;
    }

    @Nullable
    public Integer getSummaryMinMessages() {
        return summaryMinMessages;
    }

    public void setSummaryMinMessages(@Nullable Integer summaryMinMessages) {
        this.summaryMinMessages = summaryMinMessages;
    }

    @Nullable
    public Duration getFollowUpDelay() {
        return followUpDelay;
    }

    public void setFollowUpDelay(@Nullable Duration followUpDelay) {
        this.followUpDelay = followUpDelay;
    }

    @Nullable
    public Integer getBriefingHour() {
        return briefingHour;
    }

    public void setBriefingHour(@Nullable Integer briefingHour) {
        this.briefingHour = briefingHour;
    }

    /** Where the morning briefing goes (the owner's WhatsApp number); no briefing without one. */
    @Nullable
    public String getOwnerNumber() {
        return ownerNumber;
    }

    public void setOwnerNumber(@Nullable String ownerNumber) {
        this.ownerNumber = ownerNumber;
    }

    /** A showroom that opens at 9 may want reminders from 9; a late-night rental desk until 22. */
    @Nullable
    public Integer getReminderFromHour() {
        return reminderFromHour;
    }

    public void setReminderFromHour(@Nullable Integer reminderFromHour) {
        this.reminderFromHour = reminderFromHour;
    }

    @Nullable
    public Integer getReminderUntilHour() {
        return reminderUntilHour;
    }

    public void setReminderUntilHour(@Nullable Integer reminderUntilHour) {
        this.reminderUntilHour = reminderUntilHour;
    }
}
