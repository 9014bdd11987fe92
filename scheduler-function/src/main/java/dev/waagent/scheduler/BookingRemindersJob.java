package dev.waagent.scheduler;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.booking.BookingReminder;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.reply.TextFit;
import dev.waagent.domain.schedule.ConversationMaintenance;
import dev.waagent.domain.schedule.ConversationTimings;
import dev.waagent.domain.schedule.TenantTimings;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyDelivery;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code booking-reminders}: the day before a booking (the day {@code BookingDateParser} found in the customer's
 * words when the request was taken), during the tenant's reminder hours (local time, 10:00–20:00 by default), the
 * customer gets one reminder.
 * <ul>
 *   <li>inside the 24-hour service window: a short text in the customer's language;</li>
 *   <li>outside it (or when Meta answers the text with 131047): the tenant's approved {@code booking_reminder}
 *       template with {@code customer_name} (a neutral address when unknown), {@code item} (also as {@code topic}),
 *       {@code date}, {@code business_name};</li>
 *   <li>no such template (or a channel without templates): not sent, counted ({@code not-sent-no-template});</li>
 *   <li>never to a customer who opted out; never for a booking whose day has come (a request taken too late for
 *       the day before), nor one booked today for tomorrow (the customer was just told). A conversation a person
 *       has taken over still gets it: the booking stands either way.</li>
 * </ul>
 * Never twice: the reminder is claimed with a conditional write that records its stable id
 * ({@code out.reminder.<request id>}) and takes it off the due list before anything is sent; a re-run, a replayed
 * schedule or an overlapping run finds nothing to claim. A crash between claim and send loses the reminder rather
 * than doubling it. Due work: {@code Query due-index: dueBucket = T#<tenant>#REMIND AND dueAt <= tomorrow}.
 */
@Singleton
public class BookingRemindersJob implements ScheduledJob {

    public static final String NAME = "booking-reminders";
    static final String ALREADY_REMINDED = "already-reminded";
    private static final Logger LOG = LoggerFactory.getLogger(BookingRemindersJob.class);
    /** A send may take the channel's retries: no reminder is started with less budget left. */
    private static final Duration RESERVE = Duration.ofSeconds(10);

    private final TenantDirectory tenants;
    private final BookingReminders reminders;
    private final ConversationMaintenance conversations;
    private final OutboundChannel channel;
    private final SchedulerSettings settings;
    private final TenantTimings timings;
    private final JobMetrics metrics;
    private final TimeSource time;
    private final ServiceWindow window;
    private final ReplyRepair repair = new ReplyRepair();

    public BookingRemindersJob(TenantDirectory tenants, BookingReminders reminders, ConversationMaintenance conversations,
                               OutboundChannel channel, SchedulerSettings settings, TenantTimings timings,
                               JobMetrics metrics, TimeSource time) {
        this.tenants = tenants;
        this.reminders = reminders;
        this.conversations = conversations;
        this.channel = channel;
        this.settings = settings;
        this.timings = timings;
        this.metrics = metrics;
        this.time = time;
        this.window = new ServiceWindow(time);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String run(Duration budget) {
        Instant started = time.now();
        Instant deadline = started.plus(budget);
        JobReport report = new JobReport(NAME);
        List<Tenant> active = TimelineSweep.rotated(tenants.findAll().stream().filter(Tenant::active).toList(), started);
        report.tenants(active.size());
        for (Tenant tenant : active) {
            if (outOfBudget(deadline)) {
                report.stoppedByBudget();
                break;
            }
            try {
                remindTenant(tenant, deadline, report);
            } catch (RuntimeException e) {
                // Reading this tenant's due reminders failed: the others still get theirs, the next run retries.
                report.failed();
                LOG.warn("{}: tenant={} failed, retried next run: {}", NAME, tenant.id(), e.toString());
            }
            if (report.isStoppedByBudget()) {
                break;
            }
        }
        Duration took = Duration.between(started, time.now());
        metrics.jobRan(report, took.toMillis());
        return report.line(took);
    }

    private void remindTenant(Tenant tenant, Instant deadline, JobReport report) {
        ZonedDateTime local = time.now().atZone(tenant.timezone());
        ConversationTimings hours = timings.forTenant(tenant.id());
        if (local.getHour() < hours.reminderFromHour() || local.getHour() >= hours.reminderUntilHour()) {
            report.count("skipped-outside-reminder-hours");
            return;
        }
        LocalDate tomorrow = local.toLocalDate().plusDays(1);
        int handled = 0;
        String after = null;
        do {
            BookingReminders.DuePage page = reminders.due(tenant.id(), tomorrow,
                    Math.min(settings.getPageSize(), settings.getMaxPerTenant() - handled), after);
            report.read(page.items().size(), page.readUnits());
            for (BookingReminders.Due due : page.items()) {
                if (outOfBudget(deadline)) {
                    report.stoppedByBudget();
                    return;
                }
                String outcome;
                try {
                    outcome = remind(tenant, due.reminder(), due.conversation(), tomorrow);
                } catch (RuntimeException e) {
                    // Unclaimed (or claimed and lost): either way nothing is sent twice; the next run reads on.
                    report.failed();
                    LOG.warn("{}: tenant={} customer={} failed: {}", NAME, tenant.id(),
                            Masking.phone(due.reminder().key().customerId()), e.toString());
                    return;
                }
                report.count(outcome);
                metrics.bookingReminder(tenant.id(), outcome);
                // The index is eventually consistent: one just claimed may still be listed. It is no work done.
                if (!ALREADY_REMINDED.equals(outcome)) {
                    handled++;
                }
            }
            after = page.next();
            if (after != null && handled >= settings.getMaxPerTenant()) {
                report.tenantAtLimit();
                return;
            }
        } while (after != null);
    }

    /** @return the outcome to count */
    String remind(Tenant tenant, BookingReminder reminder, Conversation conversation, LocalDate tomorrow) {
        String skipped = conversation == null ? "skipped-no-conversation"
                : conversation.optedOut() ? "skipped-opted-out"
                : reminder.bookingDate().isBefore(tomorrow) ? "skipped-too-late"
                // Booked today for tomorrow: they were just told; "your booking is tomorrow" an hour later is noise.
                : !reminder.requestedAt().atZone(tenant.timezone()).toLocalDate().isBefore(tomorrow.minusDays(1))
                ? "skipped-just-booked"
                : null;
        if (!reminders.claim(reminder, time.now())) {
            return ALREADY_REMINDED;
        }
        if (skipped != null) {
            reminders.finish(reminder, skipped, null, time.now());
            return skipped;
        }
        String customer = Masking.phone(reminder.key().customerId());
        if (!window.status(conversation.lastInboundAt(), conversation.windowClosedAt()).open()) {
            return withTemplate(tenant, reminder, conversation, "outside-24h-window");
        }
        String text = reminderText(tenant, reminder, conversation.customerName());
        String platformId;
        try {
            platformId = channel.sendText(tenant, reminder.key().customerId(), text, null);
        } catch (ChannelSendException e) {
            if (ServiceWindow.closedByPlatform(e.errorCode())) {
                return withTemplate(tenant, reminder, conversation, "window-closed-by-meta");
            }
            return failed(tenant, reminder, customer, e);
        } catch (RuntimeException e) {
            return failed(tenant, reminder, customer, e);
        }
        sent(reminder, text, platformId, "reminded-text");
        LOG.info("booking reminder sent: tenant={} customer={}", tenant.id(), customer);
        return "reminded-text";
    }

    /** Outside the window only the tenant's approved booking_reminder template may go; without one, nothing. */
    private String withTemplate(Tenant tenant, BookingReminder reminder, Conversation conversation, String why) {
        String customer = Masking.phone(reminder.key().customerId());
        Optional<OutboundPart> part = channel.capabilities(tenant).templates()
                ? ReplyDelivery.template(tenant, ApprovedTemplate.BOOKING_REMINDER, Map.of(
                        "customer_name", tenant.template(ApprovedTemplate.BOOKING_REMINDER)
                                .map(template -> template.customerName(conversation.customerName())).orElse(""),
                        "item", TextFit.shorten(reminder.item(), 60),
                        "topic", TextFit.shorten(reminder.item(), 60),
                        "date", day(reminder.bookingDate(), templateLocale(tenant)),
                        "business_name", tenant.name()))
                .map(template -> repair.repair(template).parts())
                .filter(parts -> !parts.isEmpty())
                .map(parts -> parts.get(0))
                : Optional.empty();
        if (part.isEmpty()) {
            reminders.finish(reminder, "not-sent-no-template", null, time.now());
            LOG.info("booking reminder for tenant={} customer={} needs an approved {} template ({}): not sent",
                    tenant.id(), customer, ApprovedTemplate.BOOKING_REMINDER, why);
            return "not-sent-no-template";
        }
        String platformId;
        try {
            platformId = channel.sendReply(tenant, reminder.key().customerId(), part.get(), null);
        } catch (RuntimeException e) {
            return failed(tenant, reminder, customer, e);
        }
        sent(reminder, part.get().asText(), platformId, "reminded-template");
        LOG.info("booking reminder sent as template: tenant={} customer={} ({})", tenant.id(), customer, why);
        return "reminded-template";
    }

    private void sent(BookingReminder reminder, String text, String platformId, String outcome) {
        Instant at = time.now();
        reminders.finish(reminder, outcome, platformId, at);
        // In the conversation's history (the model sees it; delivery statuses find it), as a follow-up: never followed up.
        conversations.recordFollowUp(reminder.key(), reminder.outboundId(), text, platformId, at);
    }

    private String failed(Tenant tenant, BookingReminder reminder, String customer, RuntimeException e) {
        reminders.finish(reminder, "failed-send", null, time.now());
        LOG.warn("booking reminder to tenant={} customer={} not sent (not retried: at most once): {}", tenant.id(),
                customer, e.toString());
        return "failed-send";
    }

    private boolean outOfBudget(Instant deadline) {
        return !time.now().plus(RESERVE).isBefore(deadline);
    }

    /** Date words that say which language a short "dates" text is in (the detector needs function words). */
    private static final java.util.regex.Pattern BAHASA_DATES = java.util.regex.Pattern.compile(
            "\\b(besok|lusa|sabtu|minggu|senin|selasa|rabu|kamis|jumat|tanggal|tgl|depan|hari|desember|agustus|oktober|mei)\\b");
    private static final java.util.regex.Pattern HINGLISH_DATES = java.util.regex.Pattern.compile(
            "\\b(kal|parso|parson|aaj|agle|agla|tarikh|tareekh|shanivar|shaniwar|ravivar|somvar|mangalvar|budhvar|guruvar|shukravar|ko)\\b");

    /** A short reminder in the language the customer booked in. */
    static String reminderText(Tenant tenant, BookingReminder reminder, String customerName) {
        String dates = reminder.dates().toLowerCase(Locale.ROOT);
        Locale language = BAHASA_DATES.matcher(dates).find() ? LanguageDetector.INDONESIAN
                : HINGLISH_DATES.matcher(dates).find() ? LanguageDetector.HINDI
                : LanguageDetector.detect(reminder.dates() + " " + reminder.item());
        String name = customerName == null || customerName.isBlank() ? "" : " " + TextFit.shorten(customerName, 40);
        String item = reminder.item().isBlank() ? "" : TextFit.shorten(reminder.item(), 80);
        if (language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage())) {
            return "Halo" + name + ", pengingat: booking Anda" + (item.isEmpty() ? "" : " untuk " + item) + " besok, "
                    + day(reminder.bookingDate(), LanguageDetector.INDONESIAN) + ", di " + tenant.name()
                    + ". Balas pesan ini jika ada perubahan.";
        }
        if (language.getLanguage().equals(LanguageDetector.HINDI.getLanguage())) {
            return "Hi" + name + ", yaad dila rahe hain: aapki booking" + (item.isEmpty() ? "" : " (" + item + ")")
                    + " kal hai, " + day(reminder.bookingDate(), Locale.ENGLISH) + ", " + tenant.name()
                    + " ke saath. Kuch badalna ho to yahin reply karein.";
        }
        return "Hi" + name + ", a reminder: your booking" + (item.isEmpty() ? "" : " for " + item) + " is tomorrow, "
                + day(reminder.bookingDate(), Locale.ENGLISH) + ", at " + tenant.name()
                + ". Reply here if anything changes.";
    }

    private static Locale templateLocale(Tenant tenant) {
        return tenant.template(ApprovedTemplate.BOOKING_REMINDER)
                .map(template -> template.language().startsWith("id") ? LanguageDetector.INDONESIAN : Locale.ENGLISH)
                .orElse(Locale.ENGLISH);
    }

    static String day(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM", locale).format(date);
    }
}
