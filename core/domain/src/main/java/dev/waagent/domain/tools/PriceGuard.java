package dev.waagent.domain.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check before a reply leaves: every price it names must be one the catalog gave this turn (a tool result
 * or a catalog match in the prompt). A price the model made up is replaced by the closest catalog price, or, with
 * none to offer, its sentence is removed and the customer told a team member will confirm the price.
 */
public final class PriceGuard {

    private static final String NUMBER = "(\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final String SCALE = "(?:\\s*(juta|jt|ribu|rb|lakh|lac|k)\\b)?";
    /** {@code ₹3,500}, {@code Rs. 3500}, {@code Rp 315.000.000}, {@code IDR 315 juta}, {@code $20}. */
    private static final Pattern PREFIXED = Pattern.compile(
            "(₹|\\brs\\.?|\\binr|\\brp\\.?|\\bidr|\\$|\\busd)\\s*" + NUMBER + SCALE, Pattern.CASE_INSENSITIVE);
    /** {@code 3500 rupees}, {@code 3500/day}, {@code 3500 per hari}, {@code 3 ribu rupiah}. */
    private static final Pattern SUFFIXED = Pattern.compile("(?<![\\w₹$.,])" + NUMBER + "(?:\\s*(ribu|rb|k)\\b)?"
            + "(?=\\s*(?:rupees?|rupiah|rs\\b|inr\\b|idr\\b|/-|/\\s*(?:day|hari)|per\\s+(?:day|hari|week|month)|a\\s+day|sehari))",
            Pattern.CASE_INSENSITIVE);
    /** {@code 315 juta}, {@code 3.15 lakh}: amounts by their scale word alone. */
    private static final Pattern SCALED = Pattern.compile("(?<![\\w₹$.,])" + NUMBER + "\\s*(juta|jt|lakh|lac)\\b",
            Pattern.CASE_INSENSITIVE);

    private PriceGuard() {
    }

    /** A price named in a reply: where it stands and the amount it says. */
    public record Mention(int start, int end, String text, BigDecimal amount) {
    }

    /** The reply after the check and what was changed. */
    public record Outcome(String text, List<String> repairs) {
        public boolean repaired() {
            return !repairs.isEmpty();
        }
    }

    public static List<Mention> mentions(String text) {
        List<Mention> found = new ArrayList<>();
        collect(PREFIXED.matcher(text), 2, 3, found);
        collect(SUFFIXED.matcher(text), 1, 2, found);
        collect(SCALED.matcher(text), 1, 2, found);
        found.sort(java.util.Comparator.comparingInt(Mention::start));
        List<Mention> distinct = new ArrayList<>();
        for (Mention mention : found) {
            if (distinct.isEmpty() || mention.start() >= distinct.get(distinct.size() - 1).end()) {
                distinct.add(mention);
            }
        }
        return distinct;
    }

    private static void collect(Matcher matcher, int numberGroup, int scaleGroup, List<Mention> into) {
        while (matcher.find()) {
            BigDecimal amount = amount(matcher.group(numberGroup), matcher.group(scaleGroup));
            if (amount != null) {
                into.add(new Mention(matcher.start(), matcher.end(), matcher.group(), amount));
            }
        }
    }

    /** {@code 3,500} and {@code 3.500} are thousands; {@code 3.5} and {@code 12,50} are decimals. */
    static BigDecimal amount(String number, String scale) {
        String digits = number;
        if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
            digits = digits.replaceAll("[.,]", "");
        } else if (digits.matches("\\d{1,3}([.,]\\d{3})+[.,]\\d{1,2}")) {
            int last = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','));
            digits = digits.substring(0, last).replaceAll("[.,]", "") + "." + digits.substring(last + 1);
        } else {
            digits = digits.replace(',', '.');
        }
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
        if (scale != null) {
            value = value.multiply(switch (scale.toLowerCase(Locale.ROOT)) {
                case "juta", "jt" -> BigDecimal.valueOf(1_000_000);
                case "lakh", "lac" -> BigDecimal.valueOf(100_000);
                case "ribu", "rb", "k" -> BigDecimal.valueOf(1_000);
                default -> BigDecimal.ONE;
            });
        }
        return value.stripTrailingZeros();
    }

    /**
     * @param allowed the prices the catalog gave this turn
     * @param unknownPriceNote what replaces a price that cannot be mended (in the customer's language)
     */
    public static Outcome check(String reply, List<QuotedPrice> allowed, String unknownPriceNote) {
        return check(reply, allowed, List.of(), unknownPriceNote);
    }

    /**
     * @param stated amounts the business itself states (business facts, knowledge entries): kept when named, never
     *               used as a replacement (they are not quotes)
     */
    public static Outcome check(String reply, List<QuotedPrice> allowed, List<BigDecimal> stated, String unknownPriceNote) {
        List<Mention> mentions = mentions(reply);
        List<String> repairs = new ArrayList<>();
        StringBuilder text = new StringBuilder(reply);
        boolean removedAny = false;
        for (int i = mentions.size() - 1; i >= 0; i--) {
            Mention mention = mentions.get(i);
            if (allowed.stream().anyMatch(price -> price.amount().compareTo(mention.amount()) == 0)
                    || stated.stream().anyMatch(amount -> amount.compareTo(mention.amount()) == 0)) {
                continue;
            }
            QuotedPrice closest = closest(allowed, mention.amount());
            if (closest != null) {
                text.replace(mention.start(), mention.end(), closest.formatted());
                repairs.add("replaced " + mention.text() + " with catalog price " + closest.formatted());
            } else {
                int[] sentence = sentence(text, mention.start(), mention.end());
                repairs.add("removed unquoted price " + mention.text());
                text.delete(sentence[0], sentence[1]);
                removedAny = true;
            }
        }
        String result = text.toString().replaceAll("[ \\t]{2,}", " ").replaceAll("\\n{3,}", "\n\n").strip();
        if (removedAny) {
            result = (result.isEmpty() ? "" : result + "\n") + unknownPriceNote;
        }
        return new Outcome(result, List.copyOf(repairs));
    }

    private static QuotedPrice closest(List<QuotedPrice> allowed, BigDecimal amount) {
        QuotedPrice best = null;
        for (QuotedPrice price : allowed) {
            if (best == null || price.amount().subtract(amount).abs().compareTo(best.amount().subtract(amount).abs()) < 0) {
                best = price;
            }
        }
        return best;
    }

    /** The sentence (or line) around a span: from after the previous terminator to the next one, inclusive. */
    private static int[] sentence(CharSequence text, int start, int end) {
        int from = start;
        while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = end;
        while (to < text.length() && ".!?\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to < text.length()) {
            to++;
        }
        return new int[] {from, to};
    }
}
