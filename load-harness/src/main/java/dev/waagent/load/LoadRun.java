package dev.waagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * One benchmark run against a runtime that is already up.
 * <p>
 * Customers are spread round-robin over the tenants. A customer has at most one message outstanding: its next message
 * becomes ready only once the outbox shows a reply for the previous one, so each message expects exactly one reply
 * whatever the burst window, and a second reply to a message cannot be mistaken for the reply to the next one. Ready
 * customers are posted in a random (seeded) order, paced at {@code --rate} with at most {@code --max-in-flight} posts
 * in flight (open loop), or with {@code --concurrency} posts in flight and no pacing (closed loop).
 * <p>
 * Every loop is bounded by a count and by the deadline (first post + {@code --timeout}).
 */
public final class LoadRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final long RETRY_PAUSE_MILLIS = 200;
    /** Open loop: how far behind schedule the pacer may fall before it stops catching up (a burst of at most this). */
    private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Acknowledged messages kept as replay candidates; enough for any sample, bounded for any run. */
    private static final int REPLAY_CANDIDATES_MAX = 100_000;
    /** The outbox poller pauses at least this many times as long as its last read took. */
    private static final long POLL_COST_FACTOR = 9;

    private final HarnessOptions options;
    private final RuntimeClient client;
    private final String runtimeDescription;
    private final BooleanSupplier runtimeAlive;
    private final PrintStream progress;

    // Set up in run(); the poller and the senders share them.
    private final Map<String, Customer> byTenantAndRecipient = new HashMap<>();
    private final Map<String, Customer> byRecipient = new HashMap<>();
    private final LinkedBlockingQueue<Customer> ready = new LinkedBlockingQueue<>();
    private final OutboxScanner scanner = new OutboxScanner();
    private final Histogram ackLatency = LatencySummary.newHistogram();
    private final Histogram replyLatency = LatencySummary.newHistogram();
    private final List<SignedWebhook> replayCandidates = Collections.synchronizedList(new ArrayList<>());

    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong non200 = new AtomicLong();
    private final AtomicLong ioErrors = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong unacked = new AtomicLong();
    private final AtomicLong acksReportingDuplicate = new AtomicLong();
    private final AtomicInteger dispatched = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicLong pollErrors = new AtomicLong();
    // Written under pollLock by the poller thread (then by the final read, after it stopped).
    private final Object pollLock = new Object();
    private volatile boolean polling = true;
    private long outboxReads;
    private long outboxReadNanos;
    private long outboxReadMaxNanos;
    private long outboxLastBytes;
    private boolean outboxIncremental;
    private long misrouted;
    private long failedGraphAttempts;
    private long readReceipts;
    private volatile String lastPollError;

    private volatile long firstPostNanos;
    private volatile long lastPostNanos;
    private volatile Instant firstPostAt;
    private volatile long deadlineNanos;
    private long lastProgressNanos;
    private List<Customer> customers = List.of();
    /** Reply counts of the replayed customers just before the replays; extra replies are measured against them. */
    private Map<Customer, Integer> replayedBefore = Map.of();

    /**
     * @param runtimeDescription for the report: an external runtime, or the jar the harness started
     * @param runtimeAlive       false once a runtime the harness started has exited (the run then stops early)
     * @param progress           where progress lines go (every 5 s)
     */
    public LoadRun(HarnessOptions options, RuntimeClient client, String runtimeDescription, BooleanSupplier runtimeAlive,
                   PrintStream progress) {
        this.options = options;
        this.client = client;
        this.runtimeDescription = runtimeDescription;
        this.runtimeAlive = runtimeAlive;
        this.progress = progress;
    }

    /** One simulated customer; fields guarded by the instance's monitor. */
    private static final class Customer {
        final int index;
        final Tenant tenant;
        final String id;
        int nextSequence;
        int acked;
        int unacked;
        int replies;
        int repliesAtLastSend;
        boolean awaiting;
        boolean failed;
        Instant lastSendAt;
        String outstandingWamid;
        final List<Instant> replyTimes = new ArrayList<>();

        Customer(int index, Tenant tenant, String id) {
            this.index = index;
            this.tenant = tenant;
            this.id = id;
        }
    }

    public LoadReport run() throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        String runTag = String.format(Locale.ROOT, "%05d", ThreadLocalRandom.current().nextInt(100_000));
        WebhookPayloads payloads = new WebhookPayloads(options.appSecret(), runTag);
        List<Tenant> tenants = client.tenants().stream()
                .filter(t -> t.phoneNumberId() != null && !t.phoneNumberId().isBlank())
                .toList();
        if (tenants.isEmpty()) {
            throw new IllegalStateException("GET /local/tenants listed no tenant with a phoneNumberId");
        }
        List<Customer> all = new ArrayList<>(options.customers());
        for (int i = 0; i < options.customers(); i++) {
            Customer customer = new Customer(i, tenants.get(i % tenants.size()), payloads.customerId(i));
            all.add(customer);
            byTenantAndRecipient.put(key(customer.tenant.phoneNumberId(), customer.id), customer);
            byRecipient.put(customer.id, customer);
        }
        customers = List.copyOf(all);
        Random random = new Random(options.seed());
        Collections.shuffle(all, random);
        ready.addAll(all);

        int baseline = scanner.skipExisting(client.outbox(0));
        if (baseline > 0) {
            progress.printf("[load] outbox already holds %d entries; counting only this run's customers (run %s)%n",
                    baseline, runTag);
        }

        deadlineNanos = System.nanoTime() + options.timeout().toNanos();
        lastProgressNanos = System.nanoTime();
        Thread poller = daemon("load-outbox-poller").newThread(this::pollLoop);
        ExecutorService senders = Executors.newFixedThreadPool(options.inFlightLimit(), daemon("load-sender"));
        Semaphore inFlight = new Semaphore(options.inFlightLimit());
        String abort = null;
        boolean complete;
        try {
            poller.start();
            abort = dispatchAll(payloads, senders, inFlight);
            if (abort == null) {
                abort = awaitReplies(inFlight);
            }
            complete = abort == null && allReplied() && inFlight.availablePermits() == options.inFlightLimit()
                    && dispatched.get() + abandoned.get() == options.plannedMessages();
            senders.shutdown();
            if (!senders.awaitTermination(options.requestTimeout().toMillis() * (options.postRetries() + 1) + 1_000,
                    TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }

            LoadReport.Replays replays = abort == null ? replay(random) : new LoadReport.Replays(0, 0, 0, 0);
            if (abort == null && !options.settle().isZero()) {
                Thread.sleep(options.settle().toMillis());
            }
            stopPolling(poller);
            if (runtimeAlive.getAsBoolean()) {
                pollOnce();
            }
            return report(runTag, startedAt, tenants, complete, replays, abort);
        } finally {
            senders.shutdownNow();
            stopPolling(poller);
        }
    }

    /** Posts every planned message; returns why it stopped early, or null. */
    private String dispatchAll(WebhookPayloads payloads, ExecutorService senders, Semaphore inFlight)
            throws InterruptedException {
        int planned = options.plannedMessages();
        long interval = options.openLoop() ? (long) (1e9 / options.rate()) : 0;
        long next = System.nanoTime();
        long iterations = 0;
        // Bounded: each pass either posts, waits up to 50 ms, or ends at the deadline.
        while (dispatched.get() + abandoned.get() < planned) {
            if (++iterations % 64 == 0 && !runtimeAlive.getAsBoolean()) {
                return "the runtime exited during the run";
            }
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                return null;
            }
            if (interval > 0 && next > now) {
                LockSupport.parkNanos(Math.min(next - now, deadlineNanos - now));
                continue;
            }
            Customer customer = ready.poll(Math.min(TimeUnit.MILLISECONDS.toNanos(50), deadlineNanos - now),
                    TimeUnit.NANOSECONDS);
            if (customer == null) {
                next = Math.max(next, System.nanoTime());
                continue;
            }
            if (!inFlight.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return null;
            }
            SignedWebhook webhook;
            Instant sentAt = Instant.now();
            synchronized (customer) {
                if (customer.failed || customer.nextSequence >= options.messagesPerCustomer()) {
                    inFlight.release();
                    continue;
                }
                webhook = payloads.message(customer.tenant, customer.index, customer.nextSequence++,
                        sentAt.getEpochSecond());
                customer.awaiting = true;
                customer.repliesAtLastSend = customer.replies;
                customer.lastSendAt = sentAt;
                customer.outstandingWamid = webhook.wamid();
            }
            long postNanos = System.nanoTime();
            if (dispatched.getAndIncrement() == 0) {
                firstPostNanos = postNanos;
                firstPostAt = sentAt;
            }
            lastPostNanos = postNanos;
            senders.execute(() -> {
                try {
                    post(customer, webhook);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.release();
                }
            });
            if (interval > 0) {
                // Catch up on oversleeping, but never by more than a short burst.
                next = Math.max(next + interval, System.nanoTime() - Math.max(interval, CATCH_UP_NANOS));
            }
        }
        return null;
    }

    /** One message, retried on non-200 or no answer like Meta does; records the ack latency of every attempt. */
    private void post(Customer customer, SignedWebhook webhook) throws InterruptedException {
        for (int attempt = 0; attempt <= options.postRetries(); attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
            }
            long index = posts.getAndIncrement();
            RuntimeClient.Ack ack = client.postWebhook(webhook);
            if (index >= options.warmup()) {
                synchronized (ackLatency) {
                    ackLatency.recordValue(Math.max(0, ack.latencyNanos() / 1_000));
                }
            }
            if (ack.ok()) {
                // A retry may well be a duplicate (the first attempt was stored but its answer lost); a first post never.
                if (attempt == 0 && duplicatesCount(ack.body()) > 0) {
                    acksReportingDuplicate.incrementAndGet();
                }
                synchronized (customer) {
                    customer.acked++;
                }
                acked.incrementAndGet();
                if (replayCandidates.size() < REPLAY_CANDIDATES_MAX) {
                    replayCandidates.add(webhook);
                }
                return;
            }
            if (ack.status() < 0) {
                ioErrors.incrementAndGet();
            } else {
                non200.incrementAndGet();
            }
        }
        unacked.incrementAndGet();
        synchronized (customer) {
            customer.unacked++;
            customer.failed = true;
            abandoned.addAndGet(options.messagesPerCustomer() - customer.nextSequence);
        }
    }

    /** Waits until every acknowledged message has its reply, or the deadline; returns why it stopped early, or null. */
    private String awaitReplies(Semaphore inFlight) throws InterruptedException {
        long pause = Math.max(10, options.pollInterval().toMillis() / 2);
        while (System.nanoTime() < deadlineNanos) {
            if (!runtimeAlive.getAsBoolean()) {
                return "the runtime exited during the run";
            }
            if (inFlight.availablePermits() == options.inFlightLimit() && allReplied()) {
                return null;
            }
            Thread.sleep(pause);
        }
        return null;
    }

    private boolean allReplied() {
        for (Customer c : customers) {
            synchronized (c) {
                if (c.replies < c.acked) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Posts already-acknowledged messages again, one per customer where possible, and counts what came back. */
    private LoadReport.Replays replay(Random random) throws InterruptedException {
        if (options.replays() == 0) {
            return new LoadReport.Replays(0, 0, 0, 0);
        }
        List<SignedWebhook> candidates;
        synchronized (replayCandidates) {
            candidates = new ArrayList<>(replayCandidates);
        }
        Collections.shuffle(candidates, random);
        List<SignedWebhook> chosen = new ArrayList<>();
        Set<String> customersChosen = new HashSet<>();
        for (SignedWebhook w : candidates) {
            if (chosen.size() < options.replays() && customersChosen.add(w.customerId())) {
                chosen.add(w);
            }
        }
        for (SignedWebhook w : candidates) {
            if (chosen.size() >= options.replays()) {
                break;
            }
            if (!chosen.contains(w)) {
                chosen.add(w);
            }
        }
        Map<Customer, Integer> before = new HashMap<>();
        for (SignedWebhook w : chosen) {
            Customer c = byRecipient.get(w.customerId());
            synchronized (c) {
                before.putIfAbsent(c, c.replies);
            }
        }
        int ok = 0;
        int reportedDuplicate = 0;
        for (SignedWebhook w : chosen) {
            RuntimeClient.Ack ack = client.postWebhook(w);
            if (ack.ok()) {
                ok++;
                if (duplicatesCount(ack.body()) > 0) {
                    reportedDuplicate++;
                }
            }
        }
        replayedBefore = before;
        return new LoadReport.Replays(chosen.size(), ok, reportedDuplicate, 0);
    }

    /**
     * Reads the outbox every {@code --poll-interval}, but never spends more than a tenth of the time reading it: the
     * runtime serialises the whole outbox on every read (unless it honours {@code ?after=}), and that work competes
     * with the webhooks being measured.
     */
    private void pollLoop() {
        while (polling) {
            long took = pollOnce();
            long pause = Math.max(options.pollInterval().toNanos(), POLL_COST_FACTOR * took);
            try {
                TimeUnit.NANOSECONDS.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void stopPolling(Thread poller) throws InterruptedException {
        polling = false;
        poller.interrupt();
        poller.join(TimeUnit.SECONDS.toMillis(35));
    }

    /** One outbox read; returns how long it took. Serialised: the poller and the final read never overlap. */
    private long pollOnce() {
        synchronized (pollLock) {
            long start = System.nanoTime();
            pollQuietly();
            long took = System.nanoTime() - start;
            outboxReads++;
            outboxReadNanos += took;
            outboxReadMaxNanos = Math.max(outboxReadMaxNanos, took);
            return took;
        }
    }

    private void pollQuietly() {
        try {
            RuntimeClient.OutboxPage page = client.outbox(scanner.consumed());
            outboxLastBytes = page.json().length;
            outboxIncremental |= page.after() != null;
            List<OutboxScanner.Request> fresh = scanner.scan(page);
            Instant observedAt = Instant.now();
            for (OutboxScanner.Request request : fresh) {
                record(request, observedAt);
            }
        } catch (IOException e) {
            pollErrors.incrementAndGet();
            lastPollError = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            pollErrors.incrementAndGet();
            lastPollError = e.toString();
        }
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_EVERY.toNanos()) {
            lastProgressNanos = now;
            progress.printf(Locale.ROOT, "[load] %5.1fs  posted %d/%d  acked %d  replies %d  poll errors %d%s%n",
                    firstPostAt == null ? 0.0 : (now - firstPostNanos) / 1e9, dispatched.get(),
                    options.plannedMessages(), acked.get(), repliesSoFar(), pollErrors.get(),
                    lastPollError == null ? "" : " (" + lastPollError + ")");
        }
    }

    private long repliesSoFar() {
        long total = 0;
        for (Customer c : customers) {
            synchronized (c) {
                total += c.replies;
            }
        }
        return total;
    }

    private void record(OutboxScanner.Request request, Instant observedAt) {
        switch (request.kind()) {
            case READ_RECEIPT -> readReceipts++;
            case MESSAGE -> {
                if (!request.deliveredMessage()) {
                    failedGraphAttempts++;
                    return;
                }
                Customer customer = byTenantAndRecipient.get(key(request.phoneNumberId(), request.recipient()));
                if (customer == null) {
                    if (byRecipient.containsKey(request.recipient())) {
                        misrouted++;
                    }
                    return;
                }
                Instant at = request.time() == null ? observedAt : request.time();
                synchronized (customer) {
                    customer.replies++;
                    customer.replyTimes.add(at);
                    // A reply quoting another (already answered) message is a late duplicate, not this message's answer.
                    boolean quotesAnother = request.contextMessageId() != null
                            && !request.contextMessageId().equals(customer.outstandingWamid);
                    if (customer.awaiting && customer.replies > customer.repliesAtLastSend && !quotesAnother) {
                        customer.awaiting = false;
                        long micros = Math.max(0, Duration.between(customer.lastSendAt, at).toNanos() / 1_000);
                        replyLatency.recordValue(micros);
                        if (!customer.failed && customer.nextSequence < options.messagesPerCustomer()) {
                            ready.add(customer);
                        }
                    }
                }
            }
            default -> {
                // Not a messages-endpoint request: nothing to count.
            }
        }
    }

    private LoadReport report(String runTag, Instant startedAt, List<Tenant> tenants, boolean complete,
                              LoadReport.Replays replays, String abort) {
        List<ReplyAccounting.Tally> tallies = new ArrayList<>(customers.size());
        long answered = 0;
        Instant lastReply = null;
        for (Customer c : customers) {
            synchronized (c) {
                tallies.add(new ReplyAccounting.Tally(c.acked, c.unacked, c.replies));
                answered += Math.min(c.replies, c.acked);
                int expectedReplies = Math.min(c.replies, c.acked + c.unacked);
                if (expectedReplies > 0) {
                    Instant t = c.replyTimes.get(expectedReplies - 1);
                    if (lastReply == null || t.isAfter(lastReply)) {
                        lastReply = t;
                    }
                }
            }
        }
        // Replies a replayed customer got after the replays, beyond what its own messages could account for (when
        // the run timed out, late replies to its last message may still arrive then, and are not extra).
        long extraReplies = 0;
        for (Map.Entry<Customer, Integer> e : replayedBefore.entrySet()) {
            Customer c = e.getKey();
            synchronized (c) {
                extraReplies += Math.max(0, c.replies - Math.max(e.getValue(), c.acked + c.unacked));
            }
        }
        replays = new LoadReport.Replays(replays.sent(), replays.acknowledged(), replays.reportedAsDuplicate(), extraReplies);
        ReplyAccounting accounting = ReplyAccounting.of(tallies);

        LatencySummary ack;
        synchronized (ackLatency) {
            ack = LatencySummary.of(ackLatency);
        }
        long sent = dispatched.get();
        double postSeconds = (lastPostNanos - firstPostNanos) / 1e9;
        LoadReport.Webhooks webhooks = new LoadReport.Webhooks(posts.get(), sent, acked.get(), unacked.get(),
                options.plannedMessages() - sent, non200.get(), ioErrors.get(), retries.get(),
                acksReportingDuplicate.get(),
                postSeconds > 0 ? Math.round((sent - 1) / postSeconds * 10) / 10.0 : 0, ack);
        LoadReport.Replies replies = new LoadReport.Replies(accounting.expected(), accounting.received(),
                accounting.lost(), accounting.duplicated(), accounting.customersWithLoss(),
                accounting.customersWithDuplicates(), misrouted, failedGraphAttempts, readReceipts, complete,
                LatencySummary.of(replyLatency));
        Duration span = firstPostAt == null || lastReply == null ? Duration.ZERO : Duration.between(firstPostAt, lastReply);
        LoadReport.Throughput throughput = new LoadReport.Throughput(answered,
                firstPostAt == null ? null : firstPostAt.toString(), lastReply == null ? null : lastReply.toString(),
                span.toNanos() / 1e9, ReplyAccounting.throughput(answered, span));

        List<LoadReport.BudgetCheck> budgets = LoadReport.budgets(webhooks, replies, throughput);
        List<String> failures = new ArrayList<>();
        if (abort != null) {
            failures.add(abort);
        }
        if (accounting.lost() > 0) {
            failures.add(accounting.lost() + " lost" + (complete ? "" : " (no reply within --timeout "
                    + options.timeout().toSeconds() + "s)"));
        }
        if (accounting.duplicated() > 0) {
            failures.add(accounting.duplicated() + " duplicated");
        }
        if (misrouted > 0) {
            failures.add(misrouted + " replies sent from another tenant's number");
        }
        if (unacked.get() > 0) {
            failures.add(unacked.get() + " messages never acknowledged with 200");
        }
        if (acksReportingDuplicate.get() > 0) {
            failures.add(acksReportingDuplicate.get() + " fresh messages acknowledged as duplicates");
        }
        long unsentInTime = options.plannedMessages() - sent - abandoned.get();
        if (abort == null && unsentInTime > 0) {
            failures.add(unsentInTime + " planned messages not posted within --timeout " + options.timeout().toSeconds()
                    + "s");
        }
        if (sent == 0) {
            failures.add("nothing was posted");
        }
        if (options.enforceBudgets()) {
            budgets.stream().filter(b -> !b.pass()).forEach(b -> failures.add("budget missed: " + b.budget()));
        }
        if (pollErrors.get() > 0) {
            progress.printf("[load] %d outbox reads failed; last: %s%n", pollErrors.get(), lastPollError);
        }
        LoadReport.Scenario scenario = new LoadReport.Scenario(options.customers(), options.messagesPerCustomer(),
                options.plannedMessages(), options.openLoop() ? "open-loop" : "closed-loop",
                options.openLoop() ? options.rate() : 0, options.inFlightLimit(), options.warmup(),
                tenants.stream().map(t -> t.id() + " (" + t.phoneNumberId() + ")").toList());
        LoadReport.OutboxReads reads = new LoadReport.OutboxReads(outboxReads,
                outboxReads == 0 ? 0 : Math.round(outboxReadNanos / (double) outboxReads / 1_000) / 1_000.0,
                Math.round(outboxReadMaxNanos / 1_000.0) / 1_000.0, outboxLastBytes, outboxIncremental);
        return new LoadReport(runTag, startedAt.toString(), client.base().toString(), runtimeDescription, scenario,
                webhooks, replies, throughput, replays, reads, budgets, failures, failures.isEmpty() ? "PASS" : "FAIL");
    }

    /** The {@code duplicates} count of a webhook answer such as {@code {"messages":1,"duplicates":0}}, else 0. */
    static int duplicatesCount(String ackBody) {
        if (ackBody == null || ackBody.isBlank()) {
            return 0;
        }
        try {
            JsonNode node = JSON.readTree(ackBody);
            return node == null ? 0 : node.path("duplicates").asInt(0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String key(String phoneNumberId, String recipient) {
        return phoneNumberId + '|' + recipient;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
