package dev.waagent.domain.intent;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer message as every intent stage reads it: NFKC-folded, lower case, one space between words, and the
 * WhatsApp shorthand of our three languages spelled out ("brp" → "berapa", "avl" → "available", "pls" → "please"),
 * so one rule or exemplar covers both spellings. Rules and the lexical stage read the same text.
 */
final class IntentText {

    /** Shorthand as a whole word → the word the rules and exemplars are written with. */
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            // English
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("plss", "please"), Map.entry("plis", "please"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("hv", "have"), Map.entry("hav", "have"), Map.entry("avl", "available"), Map.entry("avbl", "available"),
            Map.entry("avail", "available"), Map.entry("availble", "available"), Map.entry("availabe", "available"),
            Map.entry("thx", "thanks"), Map.entry("thnx", "thanks"), Map.entry("thanx", "thanks"), Map.entry("tnx", "thanks"),
            Map.entry("tks", "thanks"), Map.entry("ty", "thanks"), Map.entry("tysm", "thanks"), Map.entry("tq", "thanks"),
            Map.entry("tqvm", "thanks"), Map.entry("wat", "what"), Map.entry("wht", "what"), Map.entry("whr", "where"),
            Map.entry("hw", "how"), Map.entry("abt", "about"), Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"),
            Map.entry("2mrw", "tomorrow"), Map.entry("wknd", "weekend"), Map.entry("msg", "message"),
            Map.entry("pic", "photo"), Map.entry("pics", "photos"), Map.entry("pix", "photos"), Map.entry("okk", "ok"), Map.entry("okay", "ok"), Map.entry("okey", "ok"), Map.entry("oki", "ok"),
            Map.entry("okie", "ok"), Map.entry("k", "ok"), Map.entry("yr", "year"),
            Map.entry("ppl", "people"), Map.entry("asap", "as soon as possible"),
            // Hinglish
            Map.entry("h", "hai"), Map.entry("hy", "hai"), Map.entry("kia", "kya"),
            Map.entry("kyaa", "kya"), Map.entry("ky", "kya"), Map.entry("ktna", "kitna"), Map.entry("kitnaa", "kitna"),
            Map.entry("nhi", "nahi"), Map.entry("nahin", "nahi"), Map.entry("nai", "nahi"), Map.entry("bhaiyya", "bhaiya"), Map.entry("bhaiyaa", "bhaiya"), Map.entry("krna", "karna"),
            Map.entry("kro", "karo"), Map.entry("kr", "kar"), Map.entry("krdo", "kar do"), Map.entry("kardo", "kar do"),
            Map.entry("milgea", "milega"), Map.entry("mlega", "milega"), Map.entry("bta", "bata"),
            Map.entry("btao", "batao"), Map.entry("shukriyaa", "shukriya"), Map.entry("dhanyavad", "dhanyavaad"),
            Map.entry("dhanyawad", "dhanyavaad"), Map.entry("dhanywad", "dhanyavaad"), Map.entry("thik", "theek"),
            Map.entry("thk", "theek"), Map.entry("acha", "accha"), Map.entry("achha", "accha"), Map.entry("achchha", "accha"),
            // Bahasa Indonesia
            Map.entry("brp", "berapa"), Map.entry("brapa", "berapa"), Map.entry("brpa", "berapa"), Map.entry("hrg", "harga"),
            Map.entry("hrga", "harga"), Map.entry("gmn", "gimana"), Map.entry("gmna", "gimana"), Map.entry("bgmn", "bagaimana"),
            Map.entry("yg", "yang"), Map.entry("dgn", "dengan"), Map.entry("dg", "dengan"), Map.entry("sdh", "sudah"),
            Map.entry("udh", "sudah"), Map.entry("udah", "sudah"), Map.entry("dah", "sudah"), Map.entry("blm", "belum"),
            Map.entry("blom", "belum"), Map.entry("tdk", "tidak"), Map.entry("gak", "tidak"), Map.entry("ga", "tidak"),
            Map.entry("gk", "tidak"), Map.entry("ngga", "tidak"), Map.entry("nggak", "tidak"), Map.entry("enggak", "tidak"),
            Map.entry("engga", "tidak"), Map.entry("bs", "bisa"), Map.entry("bsa", "bisa"),
            Map.entry("kpn", "kapan"), Map.entry("mksh", "makasih"), Map.entry("makasi", "makasih"), Map.entry("trims", "terima kasih"),
            Map.entry("tengkyu", "thanks"), Map.entry("sy", "saya"), Map.entry("aq", "aku"), Map.entry("jg", "juga"),
            Map.entry("utk", "untuk"), Map.entry("untk", "untuk"), Map.entry("tlg", "tolong"), Map.entry("tlp", "telepon"),
            Map.entry("telp", "telepon"), Map.entry("telpon", "telepon"), Map.entry("telfon", "telepon"), Map.entry("msh", "masih"), Map.entry("msih", "masih"), Map.entry("pgn", "pengen"),
            Map.entry("liat", "lihat"), Map.entry("kk", "kak"), Map.entry("otw", "on the way"), Map.entry("skrg", "sekarang"), Map.entry("skrng", "sekarang"), Map.entry("bsk", "besok"),
            Map.entry("dmn", "di mana"), Map.entry("dimana", "di mana"), Map.entry("knp", "kenapa"), Map.entry("krn", "karena"),
            Map.entry("tp", "tapi"), Map.entry("sm", "sama"), Map.entry("bgt", "banget"), Map.entry("bngt", "banget"),
            Map.entry("jt", "juta"), Map.entry("jtan", "jutaan"));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}']+");
    private static final Pattern SPACES = Pattern.compile("[\\h\\x0B\\f\\r]+");
    private static final Pattern LINE_BREAK = Pattern.compile(" ?\\n\\s*");

    private IntentText() {
    }

    /** {@code text} folded, with its shorthand spelled out; never null. */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'');
        // A burst's messages stay on their own lines, so a rule anchored at a message's start or end ("fortuner ada?")
        // reads each message of "halo / fortuner ada? / harga berapa" as it would alone.
        folded = LINE_BREAK.matcher(SPACES.matcher(folded).replaceAll(" ")).replaceAll("\n").strip();
        Matcher words = WORD.matcher(folded);
        StringBuilder out = new StringBuilder(folded.length() + 16);
        while (words.find()) {
            String spelled = SHORTHAND.get(words.group());
            words.appendReplacement(out, Matcher.quoteReplacement(spelled == null ? words.group() : spelled));
        }
        words.appendTail(out);
        return out.toString();
    }
}
