package dev.waagent.load;

import java.util.Collection;

/**
 * Lost and duplicated replies, from per-customer tallies.
 * <p>
 * Each simulated customer has at most one message outstanding (the next is sent only after the previous one's reply),
 * so every acknowledged message is its own customer-message group and expects exactly one reply, whatever the burst
 * window. A message whose post never got a 200 may or may not have been stored, so its reply is tolerated but not
 * expected: a customer's reply count is correct anywhere in {@code [acked, acked + unacked]}.
 *
 * @param expected                 replies expected: messages acknowledged with 200
 * @param received                 replies the outbox holds for this run's customers (2xx message sends)
 * @param lost                     expected replies that never came: sum of {@code acked - replies} where positive
 * @param duplicated               replies beyond the most that could be right: sum of {@code replies - (acked + unacked)}
 *                                 where positive
 * @param customersWithLoss        customers short of replies
 * @param customersWithDuplicates  customers with too many replies
 */
public record ReplyAccounting(long expected, long received, long lost, long duplicated, int customersWithLoss,
                              int customersWithDuplicates) {

    /**
     * One customer's figures.
     *
     * @param acked   messages whose post was answered 200
     * @param unacked messages whose post never was (after retries)
     * @param replies replies delivered to this customer from its tenant's number
     */
    public record Tally(int acked, int unacked, int replies) {
        public Tally {
            if (acked < 0 || unacked < 0 || replies < 0) {
                throw new IllegalArgumentException("negative tally");
            }
        }

        public int lost() {
            return Math.max(0, acked - replies);
        }

        public int duplicated() {
            return Math.max(0, replies - (acked + unacked));
        }
    }

    public static ReplyAccounting of(Collection<Tally> tallies) {
        long expected = 0;
        long received = 0;
        long lost = 0;
        long duplicated = 0;
        int withLoss = 0;
        int withDuplicates = 0;
        for (Tally t : tallies) {
            expected += t.acked();
            received += t.replies();
            lost += t.lost();
            duplicated += t.duplicated();
            withLoss += t.lost() > 0 ? 1 : 0;
            withDuplicates += t.duplicated() > 0 ? 1 : 0;
        }
        return new ReplyAccounting(expected, received, lost, duplicated, withLoss, withDuplicates);
    }

    /**
     * End-to-end throughput: messages over the time from the first post to the last expected reply.
     *
     * @return messages per second (three decimals), or 0 when the span is not positive
     */
    public static double throughput(long messages, java.time.Duration span) {
        if (span == null || span.isNegative() || span.isZero()) {
            return 0;
        }
        return Math.round(messages * 1e12 / span.toNanos()) / 1_000.0;
    }
}
