package dev.waagent.admin;

import dev.waagent.backoffice.FieldError;
import dev.waagent.backoffice.InvalidInputException;
import dev.waagent.backoffice.TenantService;
import dev.waagent.domain.analytics.RollupStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A tenant's daily rollups (written by the scheduler's {@code daily-rollup} job); needs {@code analytics:read}. */
@Controller("/admin/tenants/{tenantId}/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
@SecurityRequirement(name = "bearer")
public class AnalyticsAdminController {

    /** The longest range one request may ask for, both ends included (a quarter). */
    public static final int MAX_DAYS = 92;

    private final RollupStore rollups;
    private final TenantService tenants;

    public AnalyticsAdminController(RollupStore rollups, TenantService tenants) {
        this.rollups = rollups;
        this.tenants = tenants;
    }

    @Get(value = "{?from,to}", produces = MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAnalytics", summary = "Daily rollups and their totals (analytics:read)",
            description = "Days are the tenant's local days, oldest first; a day not rolled up yet is absent. "
                    + "At most " + MAX_DAYS + " days per request, both ends included.")
    public AnalyticsResponse analytics(String tenantId,
                                       @Parameter(description = "first day, YYYY-MM-DD") @Nullable @QueryValue String from,
                                       @Parameter(description = "last day, YYYY-MM-DD") @Nullable @QueryValue String to) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate first = day("from", from, problems);
        LocalDate last = day("to", to, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldError(null, "to", "must not be before from (" + first + ")"));
            } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
                problems.add(new FieldError(null, "to", "the range covers " + (ChronoUnit.DAYS.between(first, last) + 1)
                        + " days; at most " + MAX_DAYS + " per request"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        tenants.requireExists(tenantId);
        return AnalyticsResponse.of(tenantId, first, last, rollups.between(tenantId, first, last));
    }

    private static LocalDate day(String name, @Nullable String value, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(null, name, "is required: a day as YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(null, name, "must be a day as YYYY-MM-DD, got '" + value + "'"));
            return null;
        }
    }
}
