package dev.waagent.domain.intent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a message's intents by rules written for how customers of our tenants write: English, Hinglish
 * (romanized Hindi) and Bahasa Indonesia. Intents come back in the order they appear, so a burst such as
 * "hi / do you have the FX3? / and the price for 2 days?" is answered point by point. Cheap and explainable:
 * the first stage of {@link IntentRouter}, which asks embeddings and then the LLM only when the rules find nothing
 * or are contradicted.
 */
public final class IntentClassifier {

    private static final Map<Intent, List<Pattern>> RULES = new EnumMap<>(Intent.class);

    static {
        RULES.put(Intent.GREETING, patterns(
                "^(hi+|hello|hey|hiya|namaste|namaskar|halo|hallo|helo|assalamualaikum|salam)\\b",
                "^(good (morning|afternoon|evening))\\b", "^(selamat (pagi|siang|sore|malam))\\b", "^(pagi|siang|malam) (gan|kak|min)\\b",
                "^(thanks|thank you|thx|ok|okay|shukriya|dhanyavaad|dhanyawad|terima kasih|makasih)\\b"));
        RULES.put(Intent.AVAILABILITY, patterns(
                "\\bavailab", "\\bin stock\\b", "\\bdo you (have|rent)\\b", "\\bany [\\w -]+ (available|in stock)\\b",
                "\\bis the [\\w -]+ free\\b", "\\bcan i get\\b", "\\bstill available\\b",
                "\\bhai kya\\b", "\\bhain kya\\b", "\\bmilega\\b", "\\bmil jayega\\b", "\\bmil jaega\\b", "\\bpaas [\\w -]+ hai\\b",
                "\\bmasih (ada|ready|tersedia)\\b", "\\bready\\??$", "\\btersedia\\b", "\\bada stok\\b", "^ada\\b", "\\bada [\\w -]+\\?"));
        RULES.put(Intent.PRICING, patterns(
                "\\bhow much\\b", "\\bprice", "\\brates?\\b", "\\brent (for|kitna)\\b", "\\bcharges?\\b", "\\bcost\\b",
                "\\bnegotiab", "\\bdiscount", "\\bcheapest\\b", "\\bdeposit\\b(?! (abhi|refund))",
                "\\bkitna\\b", "\\bkitne\\b", "\\bpadega\\b", "\\blagega\\b", "\\bsasta\\b",
                "\\bharga", "(?<!jam )(?<!kilometer )(?<!km )\\bberapa\\b", "\\bdp\\b", "\\bcicilan\\b", "\\bnego\\b", "\\bdiskon\\b",
                "\\btermurah\\b"));
        RULES.put(Intent.BOOKING, patterns(
                "\\bbook", "\\breserv", "\\bi'?d like to rent\\b", "\\bwant to rent\\b", "\\bpickup karna\\b", "\\btest ?drive\\b",
                "\\b(mau|ingin) lihat\\b", "\\blihat mobil", "\\bcome (and )?see\\b", "\\bschedule\\b", "\\bjadwal", "\\bextend\\b",
                "\\bbadha\\b", "\\bcancel\\b", "\\bbatal\\b"));
        RULES.put(Intent.COMPLAINT, patterns(
                "\\bbroken\\b", "\\bscratch", "\\bcharged twice\\b", "\\bnot acceptable\\b", "\\brude\\b", "\\bstopped working\\b",
                "\\bworst\\b", "\\bbad experience\\b", "\\bvery bad\\b", "\\bproblem\\b", "\\bdied\\b", "\\bmoney back\\b",
                "\\bkharab\\b", "\\bbura\\b", "\\blate ho gaya\\b", "\\bgalat\\b", "\\bkhatam\\b", "\\bbekaar\\b", "\\bbakwas\\b",
                "\\bpaisa wapas\\b", "\\bkecewa\\b", "\\bburuk\\b", "\\bkomplain", "\\bparah\\b", "\\btidak membalas\\b",
                "\\bmogok\\b", "\\bbanjir\\b", "\\buang kembali\\b"));
        RULES.put(Intent.HUMAN_REQUEST, patterns(
                "\\b(talk|speak|chat) (to|with) (a |an |the |your )?(human|person|owner|manager|agent|someone|staff|real person)\\b",
                "\\bconnect me (to|with)\\b", "\\bcall me\\b", "\\bis there a human\\b", "\\binsaan se baat\\b",
                "\\bse baat (karwa|karni|karna)\\b", "\\bcall (kijiye|karo|kar do)\\b", "\\bbicara dengan\\b",
                "\\bngobrol dengan\\b", "\\btelepon saya\\b", "\\bditelepon\\b"));
        RULES.put(Intent.ORDER_STATUS, patterns(
                "\\bwhere is my\\b", "\\bstatus\\b", "\\bconfirmed\\b", "\\bconfirm hua\\b", "\\breceive my payment\\b",
                "\\bpayment mila\\b", "\\brefund kab\\b", "\\bsudah jadi\\b", "\\bsudah diterima\\b", "\\bpembayaran saya\\b",
                "\\bkapan mobil saya\\b"));
        RULES.put(Intent.OUT_OF_SCOPE, patterns(
                "\\bweather\\b", "\\bessay\\b", "\\bhomework\\b", "\\bcricket\\b", "\\bmatch\\b", "\\bjoke\\b", "\\bcapital of\\b",
                "\\bpresiden\\b", "\\bpresident\\b", "\\bresep\\b", "\\brecipe\\b", "\\bjeeta\\b", "\\bmaths?\\b"));
    }

    /** Words that, after a greeting, add nothing to it ("hi, anyone there?"). */
    private static final Pattern FILLER = Pattern.compile("^(is )?(anyone|anybody) there|^(kak|min|gan|ji|bhaiya|sir|there)$");

    private IntentClassifier() {
    }

    /**
     * What the rules found.
     *
     * @param intents   in order of appearance; never empty
     * @param defaulted GENERAL_QUESTION was added because no rule explained the text (or the words after a greeting),
     *                  not because a rule matched: the later stages of {@link IntentRouter} may know better
     */
    public record RuleMatch(List<Intent> intents, boolean defaulted) {

        public RuleMatch {
            intents = List.copyOf(intents);
        }

        /** No rule matched at all. */
        public boolean nothingMatched() {
            return defaulted && intents.equals(List.of(Intent.GENERAL_QUESTION));
        }
    }

    /** The intents in {@code text}, in order of appearance; never empty. */
    public static List<Intent> classify(String text) {
        return match(text).intents();
    }

    /** The intents in {@code text} and whether GENERAL_QUESTION was only the default. */
    public static RuleMatch match(String text) {
        String normalized = normalize(text);
        List<int[]> found = new ArrayList<>();
        int greetingEnd = -1;
        for (Map.Entry<Intent, List<Pattern>> rule : RULES.entrySet()) {
            int first = Integer.MAX_VALUE;
            for (Pattern pattern : rule.getValue()) {
                Matcher matcher = pattern.matcher(normalized);
                if (matcher.find()) {
                    first = Math.min(first, matcher.start());
                    if (rule.getKey() == Intent.GREETING) {
                        greetingEnd = Math.max(greetingEnd, matcher.end());
                    }
                }
            }
            if (first != Integer.MAX_VALUE) {
                found.add(new int[]{first, rule.getKey().ordinal()});
            }
        }
        // A status question about a booking is not a new booking.
        if (found.stream().anyMatch(f -> f[1] == Intent.ORDER_STATUS.ordinal())) {
            found.removeIf(f -> f[1] == Intent.BOOKING.ordinal());
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<Intent> intents = new ArrayList<>();
        found.forEach(f -> intents.add(Intent.values()[f[1]]));
        if (intents.equals(List.of(Intent.GREETING))) {
            String rest = normalized.substring(Math.max(0, greetingEnd)).replaceAll("^[\\s,.!]+", "").strip();
            if (rest.split(" ").length >= 2 && !FILLER.matcher(rest).find()) {
                intents.add(Intent.GENERAL_QUESTION);
                return new RuleMatch(intents, true);
            }
        }
        if (intents.isEmpty()) {
            return new RuleMatch(List.of(Intent.GENERAL_QUESTION), true);
        }
        return new RuleMatch(intents, false);
    }

    /** The intent the reply must lead with. */
    public static Intent primary(String text) {
        return classify(text).get(0);
    }

    private static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").strip();
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            compiled.add(Pattern.compile(regex));
        }
        return compiled;
    }
}
