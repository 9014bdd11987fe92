package dev.waagent.scheduler;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.schedule.TimelineCursor;
import dev.waagent.domain.schedule.TimelinePage;
import dev.waagent.dynamodb.ConversationTableItem;
import dev.waagent.dynamodb.DynamoDbActivityTimeline;
import dev.waagent.dynamodb.DynamoDbSettings;
import dev.waagent.dynamodb.TableBootstrap;
import dev.waagent.embedded.EmbeddedDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figure for issue 7: time and DynamoDB read units to find due work among 10,000 conversations, through the
 * due-index (what the jobs do) against a table scan (what they must not do). Not a test: run by hand,
 * <pre>
 * mvn -q -o -pl scheduler-function test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.waagent.scheduler.DueWorkBenchmark [-Dexec.args="10000 5"]
 * </pre>
 * Seeds, per scenario, one tenant with N conversations (a conversation item, its inbound and outbound message and
 * the inbound's dedup marker, shaped as the store writes them) of which 1 %, 5 % or 20 % have been quiet past the
 * 30-minute expiry; the rest were active in the last 20 minutes. Read units are DynamoDB Local's ConsumedCapacity
 * (the service's formula: eventually consistent, 0.5 per 4 KB of data read).
 */
public final class DueWorkBenchmark {

    private static final TableSchema<ConversationTableItem> SCHEMA = TableSchema.fromBean(ConversationTableItem.class);

    private DueWorkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double[] dueShares = {0.01, 0.05, 0.20};
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start(null);
             DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
                     .endpointOverride(dynamo.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String table = "bench-conversations";
            TableBootstrap.createTables(client, table, "bench-tenants");
            Instant now = Instant.now();
            TimeSource clock = fixed(now);
            DynamoDbActivityTimeline timeline = new DynamoDbActivityTimeline(client, settings(table), clock);

            for (double share : dueShares) {
                String tenant = "bench-" + (int) (share * 100);
                long seeded = seed(client, table, tenant, conversations, share, now);
                System.out.printf(Locale.ROOT, "seeded tenant %s: %,d conversations, %,d items%n", tenant, conversations, seeded);
            }
            System.out.printf(Locale.ROOT, "%nfinding due work (quiet > 30 min) among %,d conversations, median of %d runs:%n",
                    conversations, repeats);
            for (double share : dueShares) {
                String tenant = "bench-" + (int) (share * 100);
                List<long[]> runs = new ArrayList<>();
                double units = 0;
                int found = 0;
                for (int r = 0; r < repeats; r++) {
                    long started = System.nanoTime();
                    TimelineCursor cursor = null;
                    found = 0;
                    units = 0;
                    TimelinePage page;
                    do {
                        page = timeline.read(tenant, cursor, now.minus(Duration.ofDays(7)), now.minus(Duration.ofMinutes(30)), 100);
                        found += page.items().size();
                        units += page.readUnits();
                        if (!page.items().isEmpty()) {
                            cursor = page.items().get(page.items().size() - 1).cursor();
                        }
                    } while (page.more());
                    runs.add(new long[]{System.nanoTime() - started});
                }
                System.out.printf(Locale.ROOT, "  due-index query, %4.0f%% due: %,6d due read, %8.1f RCU, %7.1f ms%n",
                        share * 100, found, units, median(runs) / 1e6);
            }
            // The alternative the index avoids: scanning the table (all tenants) and filtering.
            List<long[]> runs = new ArrayList<>();
            double units = 0;
            long scanned = 0;
            for (int r = 0; r < repeats; r++) {
                long started = System.nanoTime();
                units = 0;
                scanned = 0;
                Map<String, AttributeValue> start = null;
                do {
                    ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                            .filterExpression("kind = :conv AND dueAt <= :cutoff")
                            .expressionAttributeValues(Map.of(":conv", AttributeValue.fromS("CONV"),
                                    ":cutoff", AttributeValue.fromN(Long.toString(now.minus(Duration.ofMinutes(30)).toEpochMilli()))))
                            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                    if (start != null) {
                        scan.exclusiveStartKey(start);
                    }
                    ScanResponse response = client.scan(scan.build());
                    units += response.consumedCapacity().capacityUnits();
                    scanned += response.scannedCount();
                    start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
                } while (start != null);
                runs.add(new long[]{System.nanoTime() - started});
            }
            int tenants = dueShares.length;
            System.out.printf(Locale.ROOT, "  table scan (baseline), %d tenants: %,d items scanned, %8.1f RCU, %7.1f ms"
                            + " (per %,d conversations: %.1f RCU, %.1f ms)%n", tenants, scanned, units, median(runs) / 1e6,
                    conversations, units / tenants, median(runs) / 1e6 / tenants);
        }
        System.exit(0);
    }

    /** Writes items shaped as DynamoDbConversationStore writes them. @return items written */
    private static long seed(DynamoDbClient client, String table, String tenant, int conversations, double dueShare,
                             Instant now) {
        List<WriteRequest> batch = new ArrayList<>();
        long written = 0;
        int due = (int) Math.round(conversations * dueShare);
        for (int i = 0; i < conversations; i++) {
            String customer = String.format("9198%08d", i);
            String pk = "T#" + tenant + "#C#" + customer;
            Instant activity = i < due ? now.minus(Duration.ofHours(2)).plusMillis(i)
                    : now.minus(Duration.ofMinutes(20)).plusMillis(i);
            Instant asked = activity.minusSeconds(4);
            String wamid = "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0E" + i;
            String turn = "turn-" + i;

            ConversationTableItem conversation = new ConversationTableItem();
            conversation.setPk(pk);
            conversation.setSk("CONV");
            conversation.setKind("CONV");
            conversation.setTenantId(tenant);
            conversation.setCustomerId(customer);
            conversation.setLastInboundAt(asked.toEpochMilli());
            conversation.setLastOutboundAt(activity.toEpochMilli());
            conversation.setDueBucket("T#" + tenant + "#ACT");
            conversation.setDueAt(activity.toEpochMilli());

            ConversationTableItem inbound = message(pk, tenant, customer, wamid, "INBOUND",
                    "Hi, is the Sony FX3 available this weekend? And what is the rent for 2 days?", asked);
            inbound.setAnsweredBy(turn);
            ConversationTableItem outbound = message(pk, tenant, customer, "out." + turn, "OUTBOUND",
                    "Yes, the FX3 is available this weekend. It is Rs 2,500 per day, so Rs 5,000 for 2 days, plus a "
                            + "refundable deposit. Shall I reserve it for you?", activity);
            outbound.setTurnId(turn);
            outbound.setProvider("openai");
            outbound.setModel("gpt-4o-mini");
            outbound.setPromptTokens(820);
            outbound.setCompletionTokens(48);
            outbound.setCostUsd(0.000152);
            outbound.setDelivery("DELIVERED");
            ConversationTableItem seen = new ConversationTableItem();
            seen.setPk(pk);
            seen.setSk("I#" + wamid);
            seen.setKind("SEEN");
            seen.setMessageSk(inbound.getSk());
            seen.setExpiresAt(inbound.getExpiresAt());

            for (ConversationTableItem item : List.of(conversation, inbound, outbound, seen)) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(SCHEMA.itemToMap(item, true)).build()).build());
                written++;
                if (batch.size() == 25) {
                    flush(client, table, batch);
                }
            }
        }
        flush(client, table, batch);
        return written;
    }

    private static ConversationTableItem message(String pk, String tenant, String customer, String id, String direction,
                                                 String text, Instant at) {
        ConversationTableItem item = new ConversationTableItem();
        item.setPk(pk);
        item.setSk("M#" + String.format("%010d", at.getEpochSecond()) + "#" + id);
        item.setKind("MSG");
        item.setTenantId(tenant);
        item.setCustomerId(customer);
        item.setMessageId(id);
        item.setPlatformId(id);
        item.setDirection(direction);
        item.setType("TEXT");
        item.setText(text);
        item.setSentAt(at.toEpochMilli());
        item.setReceivedAt(at.toEpochMilli());
        item.setExpiresAt(at.plus(Duration.ofDays(90)).getEpochSecond());
        item.setDueBucket("T#" + tenant + "#DAY#" + java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
        item.setDueAt(at.toEpochMilli());
        return item;
    }

    private static void flush(DynamoDbClient client, String table, List<WriteRequest> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty()) {
            var response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
        batch.clear();
    }

    private static double median(List<long[]> runs) {
        List<Long> values = new ArrayList<>(runs.stream().map(r -> r[0]).toList());
        values.sort(Long::compare);
        return values.get(values.size() / 2);
    }

    private static DynamoDbSettings settings(String table) {
        return new DynamoDbSettings() {
            @Override
            public String getConversationsTable() {
                return table;
            }

            @Override
            public String getTenantsTable() {
                return "bench-tenants";
            }

            @Override
            public URI getEndpoint() {
                return null;
            }

            @Override
            public Duration getMessageRetention() {
                return Duration.ofDays(90);
            }

            @Override
            public Duration getTenantCacheTtl() {
                return Duration.ofSeconds(60);
            }

            @Override
            public boolean isCreateTables() {
                return false;
            }
        };
    }

    private static TimeSource fixed(Instant now) {
        return new TimeSource() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public void sleep(Duration duration) {
            }
        };
    }
}
