package dev.waagent.domain.staff;

import dev.waagent.domain.catalog.Availability;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a staff member's message as a command, in English, Bahasa Indonesia or Hindi / Hinglish, with or without the
 * slash: {@code /inventory} ("cek stok", "stock dikhao"), {@code /status <item> <state>} ("ubah status"; states such
 * as "terjual", "khatam", "kam bacha"), {@code /price <item> <price>} ("harga", "daam", "keemat"), {@code /stats}
 * ("laporan", "hisaab"), {@code /pause <customer>} ("ambil alih", "ruko"), {@code /resume <customer>} ("kembalikan",
 * "chalu"), {@code /reply <customer> <text>} ("balas", "jawab"), {@code /help} ("bantuan", "madad"). Anything else
 * is help.
 */
public final class StaffCommandParser {

    /** Usage lines, shown by {@code /help} and after a misused command. */
    public static final String USAGE_INVENTORY = "/inventory [item]  (cek stok · /stock)";
    public static final String USAGE_STATUS = "/status <item> <available|limited|sold|on request>  (ubah status <item> <ada|terbatas|terjual|inden>"
            + " · /status <item> <hai|kam bacha|khatam|order par>)";
    public static final String USAGE_PRICE = "/price <item> <price>  (harga · /daam <item> <harga>, e.g. 2500, 150jt, 1.5 lakh)";
    public static final String USAGE_STATS = "/stats  (laporan · /hisaab)";
    public static final String USAGE_PAUSE = "/pause <customer>  (ambil alih · /ruko): you take over, the bot stays silent";
    public static final String USAGE_RESUME = "/resume <customer>  (kembalikan · /chalu): back to the bot";
    public static final String USAGE_REPLY = "/reply <customer> <text>  (balas · /jawab): answer through the business number";
    public static final String USAGE_HELP = "/help  (bantuan · /madad)";
    public static final List<String> USAGE = List.of(USAGE_INVENTORY, USAGE_STATUS, USAGE_PRICE, USAGE_STATS,
            USAGE_PAUSE, USAGE_RESUME, USAGE_REPLY, USAGE_HELP);

    private enum Verb { INVENTORY, STATUS, PRICE, STATS, PAUSE, RESUME, REPLY, HELP }

    /** Command words, longest first so "cek stok" wins over "stok"; a leading slash is optional. */
    private static final Map<String, Verb> VERBS = new LinkedHashMap<>();
    /** The command words and states that are Hindi / Hinglish (the staff member is answered in Hinglish). */
    private static final java.util.Set<String> HINGLISH = new java.util.HashSet<>();

    static {
        alias(Verb.INVENTORY, "cek stok", "cek stock", "check stock", "lihat stok", "daftar stok", "inventory", "inventori",
                "inv", "stock", "stok", "cekstok");
        // Hindi / Hinglish, as shop staff type it in Latin letters.
        hinglish(Verb.INVENTORY, "stock dikhao", "stock batao", "stock dekho", "maal dikhao", "maal");
        alias(Verb.STATUS, "update status", "ubah status", "ganti status", "set status", "status");
        hinglish(Verb.STATUS, "status badlo", "sthiti");
        alias(Verb.PRICE, "update harga", "ubah harga", "ganti harga", "set price", "update price", "price", "harga");
        hinglish(Verb.PRICE, "daam badlo", "rate badlo", "daam", "dam", "keemat", "kimat", "bhav", "rate");
        alias(Verb.STATS, "laporan", "statistik", "stats", "stat", "report");
        hinglish(Verb.STATS, "hisaab", "hisab", "aaj ka hisaab");
        alias(Verb.PAUSE, "ambil alih", "take over", "takeover", "pause", "jeda", "ambil");
        hinglish(Verb.PAUSE, "main sambhalunga", "main sambhalungi", "ruko", "roko", "rok do", "bot roko", "bot band");
        alias(Verb.RESUME, "hand back", "kembalikan ke bot", "kembalikan", "handback", "resume", "lanjutkan", "lanjut");
        hinglish(Verb.RESUME, "bot chalu", "chalu karo", "chalu", "wapas bot", "wapas do");
        alias(Verb.REPLY, "reply", "balas", "jawab");
        hinglish(Verb.REPLY, "jawab do", "jawaab", "uttar");
        // "jawab" is Bahasa too: Hinglish only matters to a business that serves Hindi and is not Indonesian-first.
        HINGLISH.add("jawab");
        alias(Verb.HELP, "help", "bantuan", "menu", "bantu", "?");
        alias(Verb.HELP, "commands");
        hinglish(Verb.HELP, "madad", "sahayata");
    }

    private static final Map<String, Availability> STATES = new LinkedHashMap<>();
    private static final java.util.Set<String> HINGLISH_STATES = new java.util.HashSet<>();

    static {
        state(Availability.IN_STOCK, "available", "in stock", "instock", "ready", "ready stock", "back in stock", "ada",
                "tersedia", "ready stok", "masih ada");
        state(Availability.LIMITED, "limited", "few left", "low", "terbatas", "sisa sedikit", "tinggal sedikit");
        state(Availability.OUT_OF_STOCK, "sold", "sold out", "out", "out of stock", "unavailable", "not available",
                "booked", "rented", "rented out", "gone", "habis", "terjual", "laku", "kosong", "tidak ada", "sudah laku",
                "tidak tersedia", "booking");
        state(Availability.ON_REQUEST, "on request", "by request", "request", "on order", "inden", "pesan dulu");
        // Hindi / Hinglish: "nahi hai" and "kam bacha" are longer than "hai", so they are tried first.
        hinglishState(Availability.IN_STOCK, "hai", "available hai", "stock mein hai", "mil jayega", "aa gaya", "wapas aa gaya");
        hinglishState(Availability.LIMITED, "kam bacha", "kam hai", "thoda bacha", "thode bache", "kuch hi bache");
        hinglishState(Availability.OUT_OF_STOCK, "khatam", "khatam ho gaya", "bik gaya", "bik gayi", "nahi hai", "nahin hai",
                "book ho gaya", "kiraye pe", "kiraye par");
        hinglishState(Availability.ON_REQUEST, "order par", "order pe", "mangwana padega", "mangwa denge");
    }

    private static void hinglishState(Availability availability, String... words) {
        state(availability, words);
        HINGLISH_STATES.addAll(List.of(words));
    }

    private static final Pattern AMOUNT = Pattern.compile(
            "^(?:rp\\.?|rs\\.?|inr|idr|usd|₹|\\$)?\\s*([0-9][0-9.,]*)\\s*(jt|juta|rb|ribu|k|lakh|lac|lakhs|cr|crore|m|mio)?\\.?(?:/-)?$");

    private StaffCommandParser() {
    }

    private static void alias(Verb verb, String... words) {
        for (String word : words) {
            VERBS.put(word, verb);
        }
    }

    private static void hinglish(Verb verb, String... words) {
        alias(verb, words);
        HINGLISH.addAll(List.of(words));
    }

    private static void state(Availability availability, String... words) {
        for (String word : words) {
            STATES.put(word, availability);
        }
    }

    /**
     * A message written as a staff command: a slash followed by one of the command words ("/status fx3 sold",
     * "/help"). Without the slash ("cek stok fx3") it is not: a customer may well say that.
     */
    public static boolean isSlashCommand(String message) {
        if (message == null || !message.strip().startsWith("/")) {
            return false;
        }
        StaffCommand command = parse(message);
        return !(command instanceof StaffCommand.Help help) || help == StaffCommand.Help.ASKED || help.usage() != null;
    }

    /**
     * Whether the message was written in Hinglish: its command word is a Hindi one ("/daam", "stock dikhao"), or a
     * {@code /status} ends in a Hindi state ("khatam", "kam bacha").
     */
    public static boolean writtenInHinglish(String message) {
        String lower = body(message).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Verb> alias : sortedAliases()) {
            String word = alias.getKey();
            if (lower.equals(word) || lower.startsWith(word + " ") || lower.startsWith(word + "\n")
                    || lower.startsWith(word + ":")) {
                if (HINGLISH.contains(word)) {
                    return true;
                }
                if (alias.getValue() != Verb.STATUS) {
                    return false;
                }
                String[] words = lower.replaceAll("[.!]+$", "").strip().split("\\s+");
                for (int take = Math.min(3, words.length - 1); take >= 1; take--) {
                    String tail = String.join(" ", Arrays.copyOfRange(words, words.length - take, words.length));
                    if (STATES.containsKey(tail)) {
                        return HINGLISH_STATES.contains(tail);
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static String body(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC).strip()
                .replaceAll("[ \\t]+", " ");
        return text.startsWith("/") ? text.substring(1).strip() : text;
    }

    public static StaffCommand parse(String message) {
        String text = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFKC).strip()
                .replaceAll("[ \\t]+", " ");
        String body = text.startsWith("/") ? text.substring(1).strip() : text;
        String lower = body.toLowerCase(Locale.ROOT);
        Verb verb = null;
        String rest = "";
        for (Map.Entry<String, Verb> alias : sortedAliases()) {
            String word = alias.getKey();
            if (lower.equals(word) || lower.startsWith(word + " ") || lower.startsWith(word + "\n")
                    || lower.startsWith(word + ":")) {
                verb = alias.getValue();
                rest = body.substring(word.length()).replaceFirst("^[:\\s]+", "").strip();
                break;
            }
        }
        if (verb == null) {
            return new StaffCommand.Help(body.isEmpty() ? "empty message" : "unknown command \"" + firstWord(text) + "\"", null);
        }
        return switch (verb) {
            case INVENTORY -> new StaffCommand.Inventory(rest);
            case STATUS -> status(rest);
            case PRICE -> price(rest);
            case STATS -> new StaffCommand.Stats();
            case PAUSE -> rest.isEmpty() ? misused("which customer?", USAGE_PAUSE) : new StaffCommand.Pause(rest);
            case RESUME -> rest.isEmpty() ? misused("which customer?", USAGE_RESUME) : new StaffCommand.Resume(rest);
            case REPLY -> reply(rest);
            case HELP -> StaffCommand.Help.ASKED;
        };
    }

    private static List<Map.Entry<String, Verb>> sortedAliases() {
        return VERBS.entrySet().stream().sorted((a, b) -> b.getKey().length() - a.getKey().length()).toList();
    }

    private static StaffCommand status(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
        // The state is the end of the message (up to three words); the item is everything before it.
        String[] words = lower.split(" ");
        for (int take = Math.min(3, words.length - 1); take >= 1; take--) {
            String tail = String.join(" ", Arrays.copyOfRange(words, words.length - take, words.length));
            Availability availability = STATES.get(tail);
            if (availability != null) {
                String item = itemPart(rest, words.length - take);
                if (!item.isEmpty()) {
                    return new StaffCommand.SetStatus(item, availability);
                }
            }
        }
        return misused(rest.isEmpty() ? "which item, and which state?" : "no state at the end of \"" + rest + "\"", USAGE_STATUS);
    }

    private static StaffCommand price(String rest) {
        String[] words = rest.split(" ");
        // The price is the last one or two words ("150jt", "150 jt", "Rp 150.000.000"); the item is the rest.
        for (int take = Math.min(3, words.length - 1); take >= 1; take--) {
            String tail = String.join(" ", Arrays.copyOfRange(words, words.length - take, words.length));
            Optional<BigDecimal> amount = amount(tail);
            if (amount.isPresent()) {
                String item = itemPart(rest, words.length - take);
                if (!item.isEmpty()) {
                    return new StaffCommand.SetPrice(item, amount.get());
                }
            }
        }
        return misused(rest.isEmpty() ? "which item, and what price?" : "no price at the end of \"" + rest + "\"", USAGE_PRICE);
    }

    private static StaffCommand reply(String rest) {
        int colon = rest.indexOf(':');
        String customer;
        String text;
        boolean number = rest.matches("(?s)^[+\\d*][\\d*\\s\\-]*\\d(\\s.*|:.*)?$");
        if (number) {
            // A number (full, masked or last digits), possibly written with spaces: "+91 98123 45678 hello".
            // Spaced groups belong to the number only when it starts with '+' ("/reply 5678 2 units left" is text).
            java.util.regex.Matcher digits = java.util.regex.Pattern.compile(rest.startsWith("+")
                    ? "^\\+[\\d\\-]*(?:\\s\\d[\\d\\-]*)*" : "^[\\d*][\\d*\\-]*").matcher(rest);
            digits.find();
            customer = digits.group().strip();
            text = rest.substring(digits.end()).replaceFirst("^[:\\s]+", "").strip();
        } else if (colon > 0) {
            customer = rest.substring(0, colon).strip();
            text = rest.substring(colon + 1).strip();
        } else {
            String[] parts = rest.split("\\s+", 2);
            customer = parts[0];
            text = parts.length < 2 ? "" : parts[1].strip();
        }
        if (customer.isEmpty() || text.isEmpty()) {
            return misused(customer.isEmpty() ? "which customer?" : "what should the customer be told?", USAGE_REPLY);
        }
        return new StaffCommand.Reply(customer, text);
    }

    private static String itemPart(String rest, int words) {
        String[] original = rest.split(" ");
        return String.join(" ", Arrays.copyOfRange(original, 0, words)).replaceAll("[:,\\-]+$", "").strip();
    }

    /**
     * A price as staff write it: {@code 2500}, {@code 2,500}, {@code 150.000.000}, {@code Rp 150jt}, {@code 1.5 lakh},
     * {@code ₹2500/-}, {@code 2500.50}. Dots or commas between groups of three digits separate thousands.
     */
    public static Optional<BigDecimal> amount(String written) {
        String text = written.toLowerCase(Locale.ROOT).strip();
        Matcher matcher = AMOUNT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<BigDecimal> number = number(matcher.group(1));
        if (number.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal factor = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "jt", "juta", "m", "mio" -> BigDecimal.valueOf(1_000_000);
            case "rb", "ribu", "k" -> BigDecimal.valueOf(1_000);
            case "lakh", "lac", "lakhs" -> BigDecimal.valueOf(100_000);
            case "cr", "crore" -> BigDecimal.valueOf(10_000_000);
            default -> BigDecimal.ONE;
        };
        BigDecimal value = number.get().multiply(factor).stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return value.scale() > 2 ? Optional.empty() : Optional.of(value);
    }

    private static Optional<BigDecimal> number(String digits) {
        String cleaned = digits.replaceAll("[.,]+$", "");
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        int lastDot = cleaned.lastIndexOf('.');
        int lastComma = cleaned.lastIndexOf(',');
        String plain;
        if (lastDot >= 0 && lastComma >= 0) {
            // Both kinds: the later one is the decimal separator.
            char decimal = lastDot > lastComma ? '.' : ',';
            char thousands = decimal == '.' ? ',' : '.';
            plain = cleaned.replace(String.valueOf(thousands), "").replace(decimal, '.');
        } else if (lastDot >= 0 || lastComma >= 0) {
            char separator = lastDot >= 0 ? '.' : ',';
            String[] groups = cleaned.split(Pattern.quote(String.valueOf(separator)));
            boolean thousands = groups.length > 1 && Arrays.stream(groups).skip(1).allMatch(g -> g.length() == 3)
                    && !groups[0].isEmpty() && groups[0].length() <= 3;
            if (thousands) {
                plain = cleaned.replace(String.valueOf(separator), "");
            } else if (groups.length == 2) {
                plain = groups[0] + "." + groups[1];
            } else {
                return Optional.empty();
            }
        } else {
            plain = cleaned;
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static StaffCommand misused(String problem, String usage) {
        return new StaffCommand.Help(problem, usage);
    }

    private static String firstWord(String text) {
        String word = text.split("\\s+", 2)[0];
        return word.length() > 30 ? word.substring(0, 30) + "…" : word;
    }
}
