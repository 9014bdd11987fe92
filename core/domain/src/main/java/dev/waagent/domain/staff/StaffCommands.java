package dev.waagent.domain.staff;

import dev.waagent.domain.Masking;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.analytics.DailyRollup;
import dev.waagent.domain.analytics.RollupDigest;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.CatalogSource;
import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.ConversationStatus;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.conversation.ReplyAccounting;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.ReplyDraft;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.ReplyDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Carries out staff commands for a tenant and says what happened, in a few lines for WhatsApp. Catalog commands
 * go through the {@link CatalogEditor} (the back office); conversation commands through the conversation store;
 * {@code /stats} reads the daily rollups. Every command is safe to repeat: a retried turn changes nothing twice
 * and sends a {@code /reply} once (its parts are recorded under the command's message id before they are sent, through
 * the same {@link ReplyDelivery} as the bot's replies, with a marker for the command that a retry finds however many
 * messages came after).
 */
public final class StaffCommands {

    /** Who answered, on replies a staff member sent with {@code /reply}. */
    public static final String STAFF_PROVIDER = "staff";
    public static final String STAFF_REPLY_ROUTE = "STAFF_REPLY";
    static final int INVENTORY_LINES = 25;
    /** Messages read for a {@code /reply}: its window, the customer's waiting messages and recent sends (pacing). */
    private static final int HISTORY = 20;
    /** WhatsApp's bold, {@code *text*}, not part of Markdown's {@code **text**}. */
    private static final Pattern WHATSAPP_BOLD = Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?=[^\\s*])([^*\\n]+?)(?<=[^\\s*])\\*(?![\\p{L}\\p{N}*])");
    private static final Logger LOG = LoggerFactory.getLogger(StaffCommands.class);

    private final ConversationStore conversations;
    private final CustomerFinder customers;
    private final CatalogSource items;
    private final CatalogEditor catalog;
    private final CatalogLookup lookup;
    private final RollupStore rollups;
    private final ReplyDelivery delivery;
    private final TimeSource time;

    /**
     * @param items   the catalog as the back office holds it; null where the function has no back-office access
     * @param catalog catalog changes; null where the back-office login may not write ({@code /status} and
     *                {@code /price} then point to the admin API)
     * @param lookup  fuzzy item matching (null: names, SKUs and aliases only)
     * @param rollups null: {@code /stats} says the figures are not available here
     */
    public StaffCommands(ConversationStore conversations, CustomerFinder customers, CatalogSource items,
                         CatalogEditor catalog, CatalogLookup lookup, RollupStore rollups, OutboundChannel channel, TimeSource time,
                         Duration sendLease) {
        this(conversations, customers, items, catalog, lookup, rollups, new ReplyDelivery(conversations, channel, time, sendLease),
                time);
    }

    /**
     * @param delivery sends {@code /reply} to the customer as the turn sends the bot's replies (parts, pacing, window)
     */
    public StaffCommands(ConversationStore conversations, CustomerFinder customers, CatalogSource items,
                         CatalogEditor catalog, CatalogLookup lookup, RollupStore rollups, ReplyDelivery delivery,
                         TimeSource time) {
        this.conversations = conversations;
        this.customers = customers;
        this.items = items;
        this.catalog = catalog;
        this.lookup = lookup;
        this.rollups = rollups;
        this.delivery = delivery;
        this.time = time;
    }

    /**
     * @param commandMessageId the staff message carrying the command (makes {@code /reply} idempotent)
     * @return what to tell the staff member
     * @throws InterruptedException while a {@code /reply}'s parts were paced
     */
    public String execute(Tenant tenant, StaffContact member, StaffCommand command, String commandMessageId)
            throws InterruptedException {
        return execute(tenant, member, command, commandMessageId, StaffLanguage.of(tenant));
    }

    /**
     * @param lang what the staff member is answered in ({@link StaffLanguage#of(Tenant, String)}: as they wrote)
     */
    public String execute(Tenant tenant, StaffContact member, StaffCommand command, String commandMessageId,
                          StaffLanguage lang) throws InterruptedException {
        if (command instanceof StaffCommand.Inventory inventory) {
            return inventory(tenant, lang, inventory.filter());
        } else if (command instanceof StaffCommand.SetStatus status) {
            return setStatus(tenant, lang, status);
        } else if (command instanceof StaffCommand.SetPrice price) {
            return setPrice(tenant, lang, price);
        } else if (command instanceof StaffCommand.Stats) {
            return stats(tenant, lang);
        } else if (command instanceof StaffCommand.Pause pause) {
            return pause(tenant, lang, member, pause.customer());
        } else if (command instanceof StaffCommand.Resume resume) {
            return resume(tenant, lang, resume.customer());
        } else if (command instanceof StaffCommand.Reply reply) {
            return reply(tenant, lang, member, reply, commandMessageId);
        }
        return help(lang, (StaffCommand.Help) command);
    }

    static String help(StaffLanguage lang, StaffCommand.Help help) {
        StringBuilder text = new StringBuilder();
        if (help.problem() != null) {
            text.append(say(lang, "Sorry, " + help.problem() + ".", "Maaf, perintah tidak dikenali (" + help.problem() + ").",
                    "Maaf kijiye, command samajh nahi aaya (" + help.problem() + ").")).append('\n');
        }
        if (help.usage() != null) {
            return text.append(say(lang, "Usage: ", "Cara pakai: ", "Aise likhiye: ")).append(usage(lang, help.usage()))
                    .append(say(lang, "\nSend /help for every command.", "\nKirim /bantuan untuk semua perintah.",
                    "\nSaare commands ke liye /madad bhejiye.")).toString();
        }
        text.append(say(lang, "Staff commands:\n", "Perintah staf:\n", "Staff ke commands:\n"));
        StaffCommandParser.USAGE.forEach(line -> text.append("• ").append(usage(lang, line)).append('\n'));
        return text.append(say(lang, "A customer is their number, its last digits (5678) or their name.",
                "Pelanggan = nomornya, digit terakhirnya (5678) atau namanya.",
                "Customer = unka number, aakhri digits (5678) ya unka naam.")).toString();
    }

    /**
     * A usage line in the staff's language: their own command words first, the English command after (both work).
     * English staff see the English line with the Bahasa and Hinglish aliases.
     */
    static String usage(StaffLanguage lang, String englishUsage) {
        String[] local = LOCAL_USAGE.get(englishUsage);
        return local == null ? englishUsage : say(lang, englishUsage, local[0], local[1]);
    }

    private static final Map<String, String[]> LOCAL_USAGE = Map.of(
            StaffCommandParser.USAGE_INVENTORY, new String[]{"/cek stok [barang]  (/inventory)", "/stock dikhao [item]  (/inventory)"},
            StaffCommandParser.USAGE_STATUS, new String[]{"/ubah status <barang> <ada|terbatas|terjual|inden>  (/status)",
                    "/status <item> <hai|kam bacha|khatam|order par>"},
            StaffCommandParser.USAGE_PRICE, new String[]{"/ubah harga <barang> <harga>, mis. 150jt  (/price)",
                    "/daam <item> <price>, jaise 2500 ya 1.5 lakh  (/price)"},
            StaffCommandParser.USAGE_STATS, new String[]{"/laporan  (/stats)", "/hisaab  (/stats)"},
            StaffCommandParser.USAGE_PAUSE, new String[]{"/ambil alih <pelanggan>: Anda yang membalas, bot diam  (/pause)",
                    "/ruko <customer>: aap baat karein, bot chup rahega  (/pause)"},
            StaffCommandParser.USAGE_RESUME, new String[]{"/kembalikan <pelanggan>: percakapan kembali ke bot  (/resume)",
                    "/chalu <customer>: customer wapas bot ko  (/resume)"},
            StaffCommandParser.USAGE_REPLY, new String[]{"/balas <pelanggan> <teks>: jawab lewat nomor bisnis  (/reply)",
                    "/jawab <customer> <text>: business number se jawab  (/reply)"},
            StaffCommandParser.USAGE_HELP, new String[]{"/bantuan  (/help)", "/madad  (/help)"});

    private String inventory(Tenant tenant, StaffLanguage lang, String filter) {
        if (this.items == null) {
            return noCatalog(lang);
        }
        String wanted = fold(filter);
        List<CatalogItem> items = this.items.activeItems(tenant.id()).stream()
                .filter(item -> wanted.isEmpty() || fold(item.name() + " " + item.sku() + " " + item.category() + " "
                        + String.join(" ", item.aliases())).contains(wanted))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .toList();
        if (items.isEmpty()) {
            return wanted.isEmpty() ? say(lang, "The catalog is empty.", "Katalog kosong.", "Catalog khaali hai.")
                    : say(lang, "No item matches \"" + filter + "\".",
                    "Tidak ada barang yang cocok dengan \"" + filter + "\".", "\"" + filter + "\" se koi item match nahi hua.");
        }
        StringBuilder text = new StringBuilder(say(lang, "Stock (" + items.size() + (items.size() == 1 ? " item" : " items"),
                "Stok (" + items.size() + " barang", "Stock (" + items.size() + " item")).append("):\n");
        items.stream().limit(INVENTORY_LINES).forEach(item -> text.append("• ").append(line(lang, item)).append('\n'));
        if (items.size() > INVENTORY_LINES) {
            int more = items.size() - INVENTORY_LINES;
            text.append(say(lang, "… and " + more + " more: /inventory <name> to narrow down.",
                    "… dan " + more + " lagi: cek stok <nama> untuk menyaring.",
                    "… aur " + more + " item: /stock <naam> se chhaantiye."));
        }
        return text.toString().strip();
    }

    private String setStatus(Tenant tenant, StaffLanguage lang, StaffCommand.SetStatus command) {
        if (items == null) {
            return noCatalog(lang);
        }
        if (catalog == null) {
            return noCatalogEdits(lang);
        }
        ItemChoice choice = choose(tenant, lang, command.item());
        if (choice.item == null) {
            return choice.problem;
        }
        Availability before = choice.item.availability();
        CatalogItem changed;
        try {
            changed = catalog.setAvailability(tenant.id(), choice.item.id(), command.availability());
        } catch (RuntimeException e) {
            return notChanged(tenant, lang, e);
        }
        LOG.info("staff command: tenant={} item={} availability {} -> {}", tenant.id(), changed.sku(), before,
                changed.availability());
        return say(lang, changed.name() + " is now " + label(lang, changed.availability()) + " (was " + label(lang, before) + ").",
                changed.name() + " sekarang " + label(lang, changed.availability()) + " (sebelumnya " + label(lang, before) + ").",
                changed.name() + " ab " + label(lang, changed.availability()) + " hai (pehle " + label(lang, before) + " tha).");
    }

    private String setPrice(Tenant tenant, StaffLanguage lang, StaffCommand.SetPrice command) {
        if (items == null) {
            return noCatalog(lang);
        }
        if (catalog == null) {
            return noCatalogEdits(lang);
        }
        ItemChoice choice = choose(tenant, lang, command.item());
        if (choice.item == null) {
            return choice.problem;
        }
        if (choice.item.currency() == null || choice.item.currency().isBlank()) {
            return say(lang, choice.item.name() + " has no currency in the catalog: set it once in the back office, then /price works.",
                    choice.item.name() + " belum punya mata uang di katalog: isi sekali di back office, lalu harga bisa diubah.",
                    choice.item.name() + " ki currency catalog mein nahi hai: back office mein ek baar bhar dijiye, phir /daam chalega.");
        }
        String before = price(lang, choice.item);
        CatalogItem changed;
        try {
            changed = catalog.setPrice(tenant.id(), choice.item.id(), command.price());
        } catch (IllegalArgumentException e) {
            return say(lang, "Price not changed: ", "Harga tidak diubah: ", "Daam nahi badla: ") + e.getMessage();
        } catch (RuntimeException e) {
            return notChanged(tenant, lang, e);
        }
        LOG.info("staff command: tenant={} item={} price changed", tenant.id(), changed.sku());
        return say(lang, changed.name() + " now costs " + price(lang, changed) + " (was " + before + ").",
                "Harga " + changed.name() + " sekarang " + price(lang, changed) + " (sebelumnya " + before + ").",
                changed.name() + " ka daam ab " + price(lang, changed) + " hai (pehle " + before + " tha).");
    }

    private String stats(Tenant tenant, StaffLanguage lang) {
        if (rollups == null) {
            return say(lang, "Figures are not available here.", "Laporan tidak tersedia di sini.", "Yahan hisaab nahi mil sakta.");
        }
        Optional<LocalDate> latest = rollups.latestDay(tenant.id());
        Optional<DailyRollup> day = latest.flatMap(d -> rollups.find(tenant.id(), d));
        if (day.isEmpty()) {
            return say(lang, "No day has been rolled up yet: figures appear after the first full day (hourly at :05).",
                    "Belum ada laporan harian: laporan muncul setelah hari penuh pertama (tiap jam, menit :05).",
                    "Abhi kisi din ka hisaab nahi bana: pehla poora din khatam hone ke baad aayega (har ghante :05 par).");
        }
        return say(lang, "Figures for ", "Laporan ", "Hisaab ") + day.get().day() + ":\n" + String.join("\n", RollupDigest.lines(day.get()));
    }

    private String pause(Tenant tenant, StaffLanguage lang, StaffContact member, String reference) {
        Instant now = time.now();
        CustomerFinder.Found found = customers.find(tenant, reference, now);
        if (!found.unique()) {
            return notUnique(lang, reference, found);
        }
        Conversation customer = found.only();
        String who = who(customer);
        if (customer.handedOff()) {
            return say(lang, who + " is already with a person (" + blankToDash(customer.handoffReason()) + "). ",
                    who + " sudah ditangani staf (" + blankToDash(customer.handoffReason()) + "). ",
                    who + " pehle se staff ke paas hain (" + blankToDash(customer.handoffReason()) + "). ") + howToAnswer(lang, customer);
        }
        conversations.updateState(customer.key(), ConversationStatus.HANDED_OFF, null, tookOver(member), now);
        LOG.info("staff command: tenant={} customer={} paused by staff", tenant.id(), Masking.phone(customer.key().customerId()));
        return say(lang, "Paused: the bot stays silent for " + who + ". ", "Dijeda: bot diam untuk " + who + ". ",
                "Ruk gaya: " + who + " ke liye bot chup rahega. ")
                + howToAnswer(lang, customer);
    }

    private String resume(Tenant tenant, StaffLanguage lang, String reference) {
        Instant now = time.now();
        CustomerFinder.Found found = customers.find(tenant, reference, now);
        if (!found.unique()) {
            return notUnique(lang, reference, found);
        }
        Conversation customer = found.only();
        if (!customer.handedOff()) {
            return say(lang, who(customer) + " is already with the bot: nothing changed.",
                    who(customer) + " sudah dilayani bot: tidak ada yang berubah.",
                    who(customer) + " pehle se bot ke paas hain: kuch nahi badla.");
        }
        conversations.updateState(customer.key(), ConversationStatus.ACTIVE, null, null, now);
        LOG.info("staff command: tenant={} customer={} handed back to the bot", tenant.id(), Masking.phone(customer.key().customerId()));
        return say(lang, who(customer) + " is back with the bot: it answers their next message.",
                who(customer) + " kembali dilayani bot: bot menjawab pesan berikutnya.",
                who(customer) + " wapas bot ke paas: unke agle message ka jawab bot dega.");
    }

    private String reply(Tenant tenant, StaffLanguage lang, StaffContact member, StaffCommand.Reply command,
                         String commandMessageId) throws InterruptedException {
        Instant now = time.now();
        CustomerFinder.Found found = customers.find(tenant, command.customer(), now);
        if (!found.unique()) {
            return notUnique(lang, command.customer(), found);
        }
        ConversationKey key = found.only().key();
        ConversationSnapshot snapshot = conversations.load(key, HISTORY);
        Conversation customer = snapshot.conversation();
        String who = who(customer);
        String turnId = "staff:" + commandMessageId;
        List<StoredMessage> earlier = conversations.recordedParts(key, turnId);
        if (!earlier.isEmpty()) {
            return carriedOut(tenant, lang, snapshot, turnId, who, earlier);
        }
        if (customer.optedOut()) {
            return say(lang, who + " opted out (STOP): nothing was sent.",
                    who + " sudah berhenti berlangganan (STOP): tidak ada yang dikirim.",
                    who + " ne STOP bheja hai: kuch nahi bheja.");
        }
        if (!delivery.windowOf(customer).open()) {
            return windowClosed(lang, who);
        }
        if (!customer.handedOff()) {
            // A person answered: the bot must not answer the customer's reply to them.
            conversations.updateState(key, ConversationStatus.HANDED_OFF, null, tookOver(member), now);
        }
        ReplyAccounting accounting = new ReplyAccounting(STAFF_PROVIDER, null, 0, 0, 0, 0, false, 0, false, null,
                STAFF_REPLY_ROUTE);
        // Staff write what they want the customer to read: text parts only (no buttons made of their numbered lines),
        // split where WhatsApp's limit needs it, Markdown turned into WhatsApp formatting, paced, each part recorded
        // under this command's id before it is sent.
        RepairResult composed = delivery.compose(tenant.withRichMessages(false), ReplyDraft.of(asMarkdown(command.text())));
        ReplyDelivery.Result result;
        try {
            // As written or not at all: if the window closes meanwhile (its last seconds), no template goes instead.
            result = delivery.deliverAsWritten(tenant, snapshot, turnId, snapshot.unansweredInbound(), composed, accounting);
            if (result == ReplyDelivery.Result.LOST_RACE) {
                earlier = conversations.recordedParts(key, turnId);
                if (!earlier.isEmpty()) {
                    // Another attempt of this command recorded it meanwhile: that one is the reply.
                    return carriedOut(tenant, lang, conversations.load(key, HISTORY), turnId, who, earlier);
                }
                // Its waiting messages were marked meanwhile: record the reply on its own.
                result = delivery.deliverAsWritten(tenant, conversations.load(key, HISTORY), turnId, List.of(), composed,
                        accounting);
            }
        } catch (ChannelSendException e) {
            return refusedForGood(tenant, lang, key, turnId, who, e);
        }
        switch (result) {
            case WINDOW_CLOSED -> {
                LOG.warn("staff reply to tenant={} customer={} refused: window closed", tenant.id(), Masking.phone(key.customerId()));
                return refused(lang, who, ServiceWindow.WINDOW_CLOSED_ERROR);
            }
            case NOTHING_SENT -> {
                // The window closed between the check above and the recording (its last seconds): nothing went.
                LOG.info("staff reply to tenant={} customer={} not sent: the window closed meanwhile", tenant.id(),
                        Masking.phone(key.customerId()));
                return windowClosed(lang, who);
            }
            case LOST_RACE -> {
                return say(lang, "The reply to " + who + " could not be recorded, so nothing was sent: send the command again.",
                        "Balasan ke " + who + " tidak bisa dicatat, jadi tidak ada yang dikirim: kirim perintahnya lagi.",
                        who + " ka jawab record nahi ho paaya, isliye kuch nahi bheja: command dobara bhejiye.");
            }
            default -> {
            }
        }
        LOG.info("staff command: tenant={} customer={} answered by staff {} in {} part(s)", tenant.id(),
                Masking.phone(key.customerId()), Masking.phone(member.waId()), composed.parts().size());
        String parts = composed.parts().size() == 1 ? "" : say(lang, " in " + composed.parts().size() + " messages",
                " dalam " + composed.parts().size() + " pesan", " (" + composed.parts().size() + " messages mein)");
        return say(lang, "Sent to " + who + parts + ". The bot stays silent for them until /resume " + suffix(customer) + ".",
                "Terkirim ke " + who + parts + ". Bot diam untuk pelanggan ini sampai /kembalikan " + suffix(customer) + ".",
                who + " ko bhej diya" + parts + ". /chalu " + suffix(customer) + " tak bot unke liye chup rahega.");
    }

    /**
     * A retried command whose reply was recorded (found by the store's marker for the command, however many messages
     * came after): sends the parts still pending, never a second copy, and says how it ended.
     */
    private String carriedOut(Tenant tenant, StaffLanguage lang, ConversationSnapshot snapshot, String turnId, String who,
                              List<StoredMessage> earlier) throws InterruptedException {
        ConversationKey key = snapshot.conversation().key();
        if (earlier.stream().anyMatch(StoredMessage::awaitsSending)) {
            try {
                delivery.resume(tenant, withOnlyPartsOf(snapshot, earlier));
            } catch (ChannelSendException e) {
                return refusedForGood(tenant, lang, key, turnId, who, e);
            }
            earlier = conversations.recordedParts(key, turnId);
        }
        if (earlier.stream().anyMatch(part -> part.deliveryState() == DeliveryState.FAILED)) {
            return say(lang, "WhatsApp refused the message to " + who + ": it was not delivered.",
                    "WhatsApp menolak pesan ke " + who + ": pesan tidak terkirim.",
                    "WhatsApp ne " + who + " ko message nahi jaane diya: deliver nahi hua.");
        }
        return say(lang, "Sent to " + who + ".", "Terkirim ke " + who + ".", who + " ko bhej diya.");
    }

    /**
     * The snapshot to resume {@code parts} from: the recent messages (their sends weigh on the pacing) without other
     * turns' pending replies (theirs to resume), plus the parts, wherever they are in the history.
     */
    private static ConversationSnapshot withOnlyPartsOf(ConversationSnapshot snapshot, List<StoredMessage> parts) {
        Set<String> ids = parts.stream().map(StoredMessage::messageId).collect(Collectors.toSet());
        List<StoredMessage> messages = new ArrayList<>(snapshot.recentMessages().stream()
                .filter(message -> !message.awaitsSending() && !ids.contains(message.messageId())).toList());
        messages.addAll(parts);
        return new ConversationSnapshot(snapshot.conversation(), messages, snapshot.openRequests());
    }

    /**
     * A send failure: one worth retrying fails the turn (the delivery gave the leases back, the retry sends the recorded
     * parts); a refusal for good marks the parts still pending undelivered and is told to the staff member.
     */
    private String refusedForGood(Tenant tenant, StaffLanguage lang, ConversationKey key, String turnId, String who,
                                  ChannelSendException e) {
        if (e.retryable()) {
            throw e;
        }
        Instant at = time.now();
        for (StoredMessage part : conversations.recordedParts(key, turnId)) {
            if (part.awaitsSending()) {
                conversations.markUndelivered(key, part.messageId(), part.sentAt(), e.errorCode(), at);
            }
        }
        LOG.warn("staff reply to tenant={} customer={} refused: {}", tenant.id(), Masking.phone(key.customerId()), e.errorCode());
        return refused(lang, who, e.errorCode());
    }

    private static String refused(StaffLanguage lang, String who, String errorCode) {
        return say(lang, "WhatsApp refused the message to " + who + " (error " + errorCode + "): it was not delivered.",
                "WhatsApp menolak pesan ke " + who + " (kode " + errorCode + "): pesan tidak terkirim.",
                "WhatsApp ne " + who + " ko message nahi jaane diya (error " + errorCode + "): deliver nahi hua.");
    }

    private static String windowClosed(StaffLanguage lang, String who) {
        return say(lang, who + " last wrote more than 24 hours ago: WhatsApp allows only an approved template now, so nothing was sent.",
                who + " terakhir menulis lebih dari 24 jam lalu: WhatsApp hanya mengizinkan template resmi, jadi tidak ada yang dikirim.",
                who + " ne 24 ghante se pehle aakhri baar likha tha: ab WhatsApp sirf approved template allow karta hai, "
                        + "isliye kuch nahi bheja.");
    }

    /**
     * Staff type on WhatsApp, where {@code *text*} is bold; the delivery reads Markdown, where it is italic. A single-star
     * span becomes Markdown bold first, so it stays bold; everything else Markdown (**bold**, lists, links) converts.
     */
    static String asMarkdown(String staffText) {
        return WHATSAPP_BOLD.matcher(staffText).replaceAll("**$1**");
    }

    /** The item a staff member means: an exact name, SKU or alias first, then the fuzzy matcher, then words. */
    private ItemChoice choose(Tenant tenant, StaffLanguage lang, String written) {
        List<CatalogItem> items = this.items.activeItems(tenant.id());
        String wanted = fold(written);
        List<CatalogItem> exact = items.stream().filter(item -> fold(item.name()).equals(wanted)
                || fold(item.sku()).equals(wanted) || item.aliases().stream().anyMatch(a -> fold(a).equals(wanted))).toList();
        if (exact.size() == 1) {
            return new ItemChoice(exact.get(0), null);
        }
        List<CatalogItem> candidates = exact;
        if (candidates.isEmpty() && lookup != null) {
            List<CatalogMatch> matches = lookup.match(tenant.id(), written, 3);
            if (!matches.isEmpty() && matches.get(0).kind() != CatalogMatch.Kind.SEMANTIC
                    && (matches.size() == 1 || matches.get(0).confidence() - matches.get(1).confidence() >= 0.1)) {
                String id = matches.get(0).item().id();
                Optional<CatalogItem> current = items.stream().filter(item -> item.id().equals(id)).findFirst();
                if (current.isPresent()) {
                    return new ItemChoice(current.get(), null);
                }
            }
            candidates = matches.stream().map(CatalogMatch::item).toList();
        }
        if (candidates.isEmpty()) {
            List<String> words = List.of(wanted.split(" "));
            candidates = items.stream().filter(item -> {
                String haystack = fold(item.name() + " " + item.sku() + " " + String.join(" ", item.aliases()));
                return words.stream().allMatch(haystack::contains);
            }).toList();
            if (candidates.size() == 1) {
                return new ItemChoice(candidates.get(0), null);
            }
        }
        if (candidates.isEmpty()) {
            return new ItemChoice(null, say(lang, "No item matches \"" + written + "\". /inventory lists them.",
                    "Tidak ada barang yang cocok dengan \"" + written + "\". Cek stok untuk daftarnya.",
                    "\"" + written + "\" se koi item match nahi hua. /stock se list dekhiye."));
        }
        String names = candidates.stream().limit(5).map(item -> item.name() + " (" + item.sku() + ")")
                .collect(Collectors.joining(", "));
        return new ItemChoice(null, say(lang, "\"" + written + "\" could be " + names + ": say which (the SKU works).",
                "\"" + written + "\" bisa berarti " + names + ": sebutkan yang mana (SKU juga bisa).",
                "\"" + written + "\" matlab " + names + " ho sakta hai: kaunsa, bataiye (SKU bhi chalega)."));
    }

    private record ItemChoice(CatalogItem item, String problem) {
    }

    private static String line(StaffLanguage lang, CatalogItem item) {
        StringBuilder line = new StringBuilder(item.name());
        if (item.sku() != null && !item.sku().isBlank()) {
            line.append(" [").append(item.sku()).append(']');
        }
        line.append(": ").append(label(lang, item.availability())).append(", ").append(item.stock())
                .append(say(lang, " in stock, ", " unit, ", " stock mein, ")).append(price(lang, item));
        return line.toString();
    }

    static String label(StaffLanguage lang, Availability availability) {
        return switch (availability) {
            case IN_STOCK -> say(lang, "available", "tersedia", "available");
            case LIMITED -> say(lang, "limited", "terbatas", "kam bacha");
            case OUT_OF_STOCK -> say(lang, "sold out / not available", "terjual / tidak tersedia", "khatam / available nahi");
            case ON_REQUEST -> say(lang, "on request", "inden / atas permintaan", "order par");
        };
    }

    static String price(StaffLanguage lang, CatalogItem item) {
        if (item.price() == null) {
            return say(lang, "price on request", "harga atas permintaan", "daam poochhne par");
        }
        String unit = switch (item.priceUnit()) {
            case PER_HOUR -> say(lang, "/hour", "/jam", "/ghanta");
            case PER_DAY -> say(lang, "/day", "/hari", "/din");
            case PER_WEEK -> say(lang, "/week", "/minggu", "/hafta");
            case PER_MONTH -> say(lang, "/month", "/bulan", "/mahina");
            case PER_ITEM -> "";
        };
        return (item.currency() == null ? "" : item.currency() + " ") + String.format(Locale.ROOT, "%,.2f", item.price())
                .replaceAll("\\.00$", "") + unit;
    }

    private static String notUnique(StaffLanguage lang, String reference, CustomerFinder.Found found) {
        if (found.matches().isEmpty()) {
            return say(lang, "No customer matches \"" + reference + "\" (numbers, last digits or names of the last 14 days).",
                    "Tidak ada pelanggan yang cocok dengan \"" + reference + "\" (nomor, digit terakhir atau nama, 14 hari terakhir).",
                    "\"" + reference + "\" se koi customer match nahi hua (pichhle 14 din ke number, aakhri digits ya naam).");
        }
        String names = found.matches().stream().limit(5).map(StaffCommands::who).collect(Collectors.joining(", "));
        return say(lang, "\"" + reference + "\" could be " + names + ": use more digits or the full number.",
                "\"" + reference + "\" bisa berarti " + names + ": pakai lebih banyak digit atau nomor lengkap.",
                "\"" + reference + "\" matlab " + names + " ho sakta hai: zyada digits ya poora number likhiye.");
    }

    private static String howToAnswer(StaffLanguage lang, Conversation customer) {
        return say(lang, "/reply " + suffix(customer) + " <text> to answer, /resume " + suffix(customer) + " to hand back.",
                "/balas " + suffix(customer) + " <teks> untuk menjawab, /kembalikan " + suffix(customer) + " untuk menyerahkan ke bot.",
                "/jawab " + suffix(customer) + " <text> se jawab dijiye, /chalu " + suffix(customer) + " se bot ko wapas dijiye.");
    }

    /** The text in the language the staff member is answered in. */
    static String say(StaffLanguage lang, String english, String bahasa, String hinglish) {
        return lang.pick(english, bahasa, hinglish);
    }

    /** How a customer is named to staff: profile name and full number (staff may see their customers' numbers). */
    static String who(Conversation customer) {
        String number = "+" + customer.key().customerId();
        String name = customer.customerName();
        return name == null || name.isBlank() ? number : name + " (" + number + ")";
    }

    static String suffix(Conversation customer) {
        String id = customer.key().customerId();
        return id.length() <= 4 ? id : id.substring(id.length() - 4);
    }

    private static String tookOver(StaffContact member) {
        return "staff took over" + (member.name().isBlank() ? "" : " (" + member.name() + ")");
    }

    /** A catalog that cannot be written (read-only login, database down): the staff member hears it, the turn goes on. */
    private static String notChanged(Tenant tenant, StaffLanguage lang, RuntimeException e) {
        LOG.warn("staff catalog change for tenant={} failed: {}", tenant.id(), e.toString());
        return say(lang, "The catalog could not be changed right now, so nothing changed. Try again later or use the admin API.",
                "Katalog tidak bisa diubah sekarang, jadi tidak ada yang berubah. Coba lagi nanti atau pakai admin API.",
                "Abhi catalog badal nahi paaye, isliye kuch nahi badla. Thodi der baad try kijiye ya admin API use kijiye.");
    }

    private static String noCatalog(StaffLanguage lang) {
        return say(lang, "Catalog commands are not connected here (this function has no back-office database): use the admin API.",
                "Perintah katalog tidak tersambung di sini: pakai admin API.",
                "Catalog commands yahan jude nahi hain: admin API use kijiye.");
    }

    private static String noCatalogEdits(StaffLanguage lang) {
        return say(lang, "Catalog changes from WhatsApp are not enabled for this business number (wa.staff.catalog-edits): "
                + "use the admin API. /inventory still works.", "Perubahan katalog lewat WhatsApp belum diaktifkan untuk nomor "
                + "ini (wa.staff.catalog-edits): pakai admin API. Cek stok tetap bisa.", "Is business number par WhatsApp se "
                + "catalog badalna chalu nahi hai (wa.staff.catalog-edits): admin API use kijiye. /stock phir bhi chalega.");
    }

    private static String blankToDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Staff notices and help mention a customer by these last digits. */
    public static String shortReference(String customerId) {
        return customerId.length() <= 4 ? customerId : customerId.substring(customerId.length() - 4);
    }

}
