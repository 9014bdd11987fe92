package dev.waagent.domain.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a message's intents by rules written for how customers of our tenants write: English, Hinglish
 * (romanized Hindi) and Bahasa Indonesia, WhatsApp shorthand spelled out first ({@link IntentText}). Intents come
 * back in the order they appear, so a burst such as "hi / do you have the FX3? / and the price for 2 days?" is
 * answered point by point. Cheap and explainable: the first stage of {@link IntentRouter}, which asks the
 * similarity stages and then the LLM only when the rules find nothing or are contradicted.
 * <p>
 * The vocabularies are per intent and per language, not per test message: each pattern names a way of asking
 * (an availability verb, a price word, a way of asking for a call), so new items and new phrasings built from the
 * same words are covered.
 */
public final class IntentClassifier {

    private static final Map<Intent, List<Pattern>> RULES = new EnumMap<>(Intent.class);

    /** Places, services and conditions of the business: "is parking available" asks about the shop, not stock. */
    private static final String FACILITY = "(?:parking|parkir|wifi|wi-fi|toilet|washroom|restroom|lift|waiting area|ruang tunggu"
            + "|insurance|asuransi|warranty|garansi|guarantee|home delivery|delivery|doorstep|pick ?up service|pickup and drop"
            + "|antar jemput|layanan antar|showroom|office|shop|store|branch|cabang|outlet|kantor|financing|finance|leasing"
            + "|kredit|loan|emi option|trade ?in|tukar tambah|upi|gpay|google pay|paytm|card payment|kartu kredit|debit card"
            + "|credit card|cash on delivery|cod|invoice|gst bill|bill|receipt|kwitansi|faktur|training|tutorial|demo|operator"
            + "|cameraman|driver|sopir|supir|service cent(?:er|re)|bengkel|workshop|spare key|kunci serep|manual book"
            + "|buku servis|service book|service record|service history|photos?|pictures?|foto|video)";

    /**
     * Spans where an availability word is about something that is not a rentable or saleable item (a facility, a
     * discount, their own refund): the availability rules do not see them.
     */
    private static final List<Pattern> NOT_AN_ITEM = patterns(
            "\\b" + FACILITY + "s?\\b(?: \\w+)? (?:is |are )?(?:available|ada|tersedia|milega|milegi|mil jayega|hai kya|hain kya|hai|possible|ok)\\b",
            "\\b(?:do you (?:have|offer|provide|give|do)|have you got|is there|are there|any|ada|apakah ada|kya (?:aapke paas )?)"
                    + " (?:a |an |any |the |your )?(?!(?:di|in|at) )(?:\\w+ )?" + FACILITY + "\\b",
            "\\b(?:showroom|office|shop|store|branch|cabang|outlet|kantor)(?:nya)? (?:\\w+ )?(?:ada )?(?:di|in|at|near)\\b",
            "\\b(?:discount|diskon|offer|promo|cashback|potongan|emi|cicilan|angsuran|dp|kredit|nego|rate|rates|price)"
                    + "(?: \\w+)? (?:milega|milegi|mil jayega|available|hai kya|ada|tersedia|possible|bisa)\\b",
            "\\b(?:ada|any|koi|is there|can i get|could i get|do you (?:give|have))(?: a| an| any| some)? ?(?:diskon|discount|offer|promo|cashback|potongan|cicilan|nego)",
            "\\b(?:refund|deposit|advance|payment|paisa|paise|uang)\\b[\\w ]{0,20}\\b(?:kab|when|kapan)?\\s?(?:milega|mil jayega|milta)\\b",
            "\\b(?:ke saath|come with|comes with|included with)\\b[\\w -]*",
            "\\b(?:can|could) i (?:get|have) (?:a |the |your )?(?:manager|owner|someone|somebody|person|human|call|callback|call back|number)\\b",
            "\\b(?:ada|any|is there a|koi) (?:nomor|number|contact|kontak|no)\\b",
            "\\bkeep (?:it|them|one) ready\\b", "\\bdo you (?:rent|sell|give) to\\b",
            "\\b(?:insaan|human|person|banda|aadmi|staff|manager|owner|admin|orang|manusia|someone|somebody)\\b(?: \\w+)? (?:hai kya|hain kya|ada|available|there)\\b",
            "\\b(?:accident|flood|banjir|tabrak\\w*|rust|scratch|smoke|hassle|tax|toll|interest|cost|charge|damage)[ -]free\\b");

    /** Spans where a price word names the customer's own money ("my deposit", "dp saya"): a status, not a price question. */
    private static final List<Pattern> NOT_A_PRICE = patterns(
            "\\b(?:my|saya|mera|meri|mere|pembayaran) (?:\\w+ )?(?:security )?(?:deposit|dp|advance|uang muka)\\b",
            "\\b(?:deposit|dp|advance|uang muka) (?:saya|mera|meri)\\b",
            "\\b(?:money|amount|paise|uang) (?:for|of|ka|ke) (?:the |my )?(?:deposit|advance|dp)\\b",
            "\\b(?:dp|deposit|advance|uang muka)\\b(?: \\w+){0,3} (?:sudah|belum|transfer|ditransfer|sent|paid|bheja|bhej diya|received|diterima|masuk)\\b");

    /** Spans where a booking is what the customer talks about, not what they want done ("call me about the booking"). */
    private static final List<Pattern> NOT_A_BOOKING = patterns(
            "\\b(?:regarding|about|re|for|ke baare mein|ke bare me|tentang|soal|terkait) (?:the |my |meri |mera |your )?(?:booking|reservation)\\b");

    /** Hindi in Devanagari, per intent: the same ways of asking as the romanized rules, fewer of them. */
    private static final Map<Intent, List<Pattern>> DEVANAGARI = Map.of(
            Intent.GREETING, patterns("^(?:नमस्ते|नमस्कार|प्रणाम|राम राम|ठीक है|अच्छा)", "^(?:बहुत )?(?:धन्यवाद|शुक्रिया)"),
            Intent.AVAILABILITY, patterns("उपलब्ध", "मिलेगा", "मिलेगी", "मिल जाएगा", "मिल जायेगा", "मिल सकता", "खाली है",
                    "स्टॉक", "है क्या", "हैं क्या"),
            Intent.PRICING, patterns("कितना", "कितने का", "कितने में", "कीमत", "दाम", "किराया", "रेट", "चार्ज", "डिस्काउंट",
                    "सस्ता", "पैसे लगेंगे"),
            Intent.BOOKING, patterns("बुक", "रिज़र्व", "रिजर्व", "कैंसल", "रद्द", "पक्का कर", "आगे बढ़ा"),
            Intent.COMPLAINT, patterns("खराब", "ख़राब", "टूटा", "टूटी", "बेकार", "शिकायत", "गलत", "ग़लत", "बुरा", "बकवास",
                    "पैसे वापस"),
            Intent.HUMAN_REQUEST, patterns("से बात", "कॉल कर", "फोन कर", "फ़ोन कर", "इंसान", "नंबर दे", "नंबर भेज", "(?:फोन|फ़ोन|कॉल) कीजिए"),
            Intent.ORDER_STATUS, patterns("रिफंड", "स्टेटस", "कन्फर्म हु", "पेमेंट मिल", "मेरी बुकिंग का", "मेरा ऑर्डर", "(?:मिला|पहुँचा|पहुंचा) क्या"),
            Intent.GENERAL_QUESTION, patterns("कहाँ", "कहां", "पता", "दुकान", "खुल", "बंद होत", "डॉक्यूमेंट", "कागज़",
                    "डिलीवरी", "आधार", "फोटो"),
            Intent.OUT_OF_SCOPE, patterns("मौसम", "क्रिकेट", "मैच", "चुटकुला", "फिल्म", "शायरी", "बारिश"));

    static {
        RULES.put(Intent.GREETING, patterns(
                "^(?:hi+|hello+|helo|hey+|heya|hiya|yo|hola|namaste|namaskar|namaskaram|pranam|ram ram|sat sri akal"
                        + "|salaam|salam|assalamu ?alaikum|asalamualaikum|assalamualaikum|halo+|hallo|hai|permisi|punten)\\b",
                "^(?:good (?:morning|afternoon|evening|night|day)|morning|evening|gm|gn)\\b",
                "^(?:selamat|met|slamat) (?:pagi|siang|sore|malam|datang)\\b",
                "^(?:jai shri|jai shree|jai sri|radhe radhe|jai jinendra|om swastiastu|shalom)\\b",
                "^(?:pagi|siang|sore|malam) (?:gan|kak|min|pak|bu|bang|sis)\\b",
                "^(?:thanks|thank you|thank u|thankyou|cheers|much appreciated|appreciate it|appreciated|many thanks|shukriya"
                        + "|dhanyavaad|terima kasih|trima kasih|makasih|matur nuwun|suksma)\\b",
                "^have a (?:nice|good|great|lovely) (?:day|evening|weekend|night)\\b",
                "^(?:bahut|bohot|bhot|many|thanks) (?:shukriya|dhanyavaad|thanks)\\b",
                "^(?:wkwk\\w*|haha\\w*|hehe\\w*|lol)\\b",
                "^(?:ok|alright|all right|cool|great|perfect|noted|got it|fine|sure|sounds good|done|theek hai|accha|thik hai"
                        + "|sip|siap|oke|baik|baiklah|mantap|oke deh|ok deh|noted kak)\\b",
                "^(?:bye|goodbye|bye bye|see you|see ya|take care|talk later|ttyl|sampai jumpa|dadah|daah|alvida"
                        + "|phir milte|chalo theek)\\b"));
        RULES.put(Intent.AVAILABILITY, patterns(
                "\\bavailab", "\\bin stock\\b", "\\bout of stock\\b", "\\bstock (?:mein|me|hai)\\b",
                "\\bdo you (?:guys |people |all )?(?:have|rent|carry|stock|keep|sell|got)\\b",
                "\\bcan i (?:have|take|get) (?:it|them|one)\\b",
                "\\b(?:are|is) free (?:this|on|next|tomorrow|today|tonight|for)\\b", "\\bada\\s*\\?*$",
                "\\bmasih\\s*\\?+$", "^ready\\b", "\\bready unit\\b", "\\bhave you got\\b", "\\bgot any\\b",
                "\\byou got any\\b",
                "\\bany [\\w -]{1,40} (?:available|in stock|left|free|for rent|for sale)\\b",
                "\\bis the [\\w -]{1,40} (?:free|out|taken|gone|sold)\\b",
                "\\b(?:is|are) (?:it|they|that|this one) (?:free|out|taken|gone|sold|still there)\\b",
                "\\bfree slot\\b", "\\b(?:lay|get) my hands on\\b", "\\bfree (?:on|this|next|tomorrow|today|tonight|for (?:the |this |next )?(?:day|weekend|week|\\w+day|\\d))\\b", "\\bke liye (?:\\w+ ){0,3}(?:hai|hain)\\s*\\?", "\\bstill with you\\b",
                "\\bbe around (?:for|on|this|next|tomorrow)\\b",
                "\\bbe free (?:on|this|next|tomorrow|today|for|from)\\b",
                "\\b(?:hai|hain) (?:aapke|tumhare|apke) paas\\b", "\\bon sale\\b", "\\b(?:masih )?dijual\\b",
                "\\bslot (?:free|open|available)\\b", "\\bcan i get\\b", "\\bcould i get\\b",
                "(?<!you )\\bstill (?:available|there|for sale|free|unsold|in stock)\\b",
                "\\bfor sale\\b", "\\bis there (?:a|an|any) [\\w -]{1,40} (?:i|we) can (?:take|rent|get|borrow|use|hire)\\b",
                "\\bsold out\\b", "\\bis [\\w -]{1,40} around (?:this|next|on|tomorrow|today|tonight)\\b",
                "(?<!sakte )(?<!sakta )(?<!sakti )\\bhai kya\\b", "(?<!sakte )(?<!sakta )(?<!sakti )\\bhain kya\\b",
                "\\bkoi [\\w -]{1,40} (?:hai|milega)\\?", "\\bmilega\\b", "\\bmilegi\\b", "\\bmilenge\\b",
                "\\bmil (?:jayega|jaega|jayegi|jaegi|sakta|sakti|sakte)\\b",
                "\\bpaas [\\w -]{1,40} hai\\b", "\\bkhali hai\\b", "\\bkhaali hai\\b", "\\bfree hai\\b", "\\bbacha hai\\b",
                "\\bhai ya nahi\\b",
                "\\bmasih (?:ada|ready|tersedia|available|dijual|jual|kosong)\\b", "\\bready\\??$",
                "\\bready (?:stock|stok|tidak|gan|kak|min)\\b",
                "\\btersedia\\b", "\\bada (?:stok|stock|unit)\\b", "\\bstok\\b", "^(?:apakah )?ada\\b",
                "\\bada [\\w -]{1,40}\\?", "\\bada tidak\\b",
                "\\b(?:sudah|belum) laku\\b", "\\bterjual\\b", "\\bbisa (?:dapat|dapet)\\b"));
        RULES.put(Intent.PRICING, patterns(
                "\\bhow much\\b", "\\blowest\\b", "\\bprice ?list\\b",
                "\\b\\d[\\d,.]* (?:a|per|/) ?(?:day|week|month)\\b", "\\bprice", "\\bpricing\\b", "\\brates?\\b",
                "\\brent (?:for|kitna|kya)\\b", "\\brental (?:fee|cost|charge|price)",
                "\\bcharges?\\b(?! me\\b)", "\\bcosts?\\b(?! me\\b)", "\\bfees?\\b", "\\btariff",
                "\\bquot(?:e|ation)\\b", "\\bnegotiab", "\\bdiscount",
                "\\boffers\\b", "\\b(?:any|special|best|koi) offers?\\b", "\\boffer (?:on|for)\\b", "\\bdeal\\b",
                "\\bcheap", "\\baffordable\\b", "\\bexpensive\\b", "\\bcostly\\b",
                "\\bdeposit\\b(?! (?:abhi|refund|back|wapas|return|kab))", "\\bemi\\b", "\\binstall?ments?\\b",
                "\\bdown ?payment\\b",
                "\\bper (?:day|hour|week|month|night)\\b", "\\bset me back\\b",
                "\\btotal (?:amount|cost|kitna|berapa|bill|price|for)\\b",
                "\\bwhat(?:'s| is) the total\\b", "\\b(?:best|final|last) (?:price|rate|offer)\\b",
                "\\bkitna\\b", "\\b(?:kya|kitna|kitne) (?:loge|lenge|lagega|charge)\\b", "\\bkitni\\b",
                "\\bkitne\\b(?! (?:baje|bje|km|kilometer|log|saal|time|din mein))", "\\bpadega\\b",
                "(?<!time )(?<!samay )(?<!der )\\blagega\\b", "\\blagenge\\b", "\\bsast[aei]\\b", "\\bmehe?nga\\b",
                "\\bkiraya\\b",
                "\\bbhaa?da\\b", "\\bpaise\\b(?! wapas)", "\\brupa?(?:ye|ees?)\\b",
                "\\bkam (?:karo|kar do|kijiye|ho sakta)\\b",
                "\\bharga",
                "(?<!jam )(?<!kilometer )(?<!km )(?<!tahun )(?<!umur )\\bberapa(?:an)?\\b(?! (?:lama|jam|km|kilometer|orang|tahun|kali|cc|hari lagi))",
                "\\bdp\\b", "\\buang muka\\b", "\\bcicilan\\b", "\\bangsuran\\b", "\\btenor\\b", "\\bbunga\\b",
                "\\bnego\\b", "\\bdiskon\\b",
                "\\bpotongan\\b", "\\bpromo\\b", "\\bcashback\\b", "\\bmurah\\b", "\\btermurah\\b", "\\bmahal\\b", "\\botr\\b",
                "\\bnett\\b",
                "\\bbiaya\\b", "\\bongkos\\b", "\\btarif\\b", "\\bsewa(?:nya)? (?:per|berapa)\\b",
                "\\bper (?:hari|bulan|jam|minggu)\\b"));
        RULES.put(Intent.BOOKING, patterns(
                "(?<!service )(?<!is my )(?<!my )\\bbook(?!ed\\b)", "\\breserv(?!ation (?:for|is)\\b)",
                "\\b(?:i'?d|would) like to (?:rent|hire|take)\\b",
                "(?<!do )\\b(?:i|we) (?:want|need|wish) to (?:rent|hire)\\b", "\\bwant to (?:rent|hire)\\b",
                "\\bi'?ll (?:take|rent|hire|grab|collect|pick up|pick it up)\\b", "\\bkeep (?:it|them|one) (?:ready|aside|for me)\\b", "\\block (?:it|them|this|that) in\\b",
                "\\block in\\b", "\\b(?:please |pls )?block (?:the|it|this|that|a|an|karo|kar do|kar dijiye)\\b",
                "\\b(?:please |can you )?hold (?:the|it|this|that|one|a|an|karo|kar do)\\b", "\\bput me down\\b",
                "\\bsave (?:it|them|one|the \\w+) for me\\b", "\\bplease save (?:it|them|one)\\b", "\\bswing by\\b",
                "\\b(?:look at|check out|see) the [\\w -]{1,40} (?:in person|tomorrow|today|on \\w+day)\\b",
                "\\bsign me up\\b",
                "\\bpickup karna\\b", "\\bcome (?:\\w+ )?(?:and|to) (?:take|pick up|pickup|collect|get) (?:the|it)\\b",
                "\\btest ?drive\\b", "\\bviewing\\b", "\\bview (?:the|it)\\b",
                "\\bcome (?:and |to )?(?:see|check|look)\\b",
                "\\b(?:visit|come to|drop by|stop by|come by) (?:the |your )?(?:showroom|shop|store|office|lot)\\b",
                "\\bschedule\\b",
                "\\bappointment\\b", "\\bset up a\\b", "\\barrange a (?:visit|viewing|test drive)\\b",
                "\\breschedule\\b",
                "\\b(?:move|shift|change|postpone|push) (?:my|the) (?:booking|reservation|rental|date|slot|test drive|appointment)\\b",
                "\\bpostpone\\b",
                "\\bprepone\\b", "\\bextend\\b", "\\bextension\\b", "\\bcancel\\b", "\\bbatal", "\\bbadha\\b",
                "\\bbadhao\\b", "\\bbadha do\\b",
                "\\bpakka (?:kar|karo|kar do|kardo|kijiye)\\b", "\\b(?:confirm|fix|final) kar (?:do|dijiye|dena)\\b",
                "\\bconfirm karo\\b",
                "\\b(?:rok|rakh) (?:lo|do|lena|dena|ke rakhna|kar rakho)\\b",
                "\\ble (?:jaunga|jaungi|jayenge|lunga|lungi|lenge)\\b",
                "\\b(?:rent|hire) (?:the|it|a|an|this|that) [\\w -]{1,40} (?:from|for|on)\\b",
                "\\b(?:mau|ingin|pengen|bisa|boleh) (?:lihat(?! (?:foto|video|gambar))|cek|test|coba|datang|survey|survei|ke showroom|janjian|booking|pesan|sewa|ambil)\\b",
                "\\blihat (?:mobil|unit|langsung)", "\\bcek unit\\b", "\\bjanjian\\b", "\\bjanji temu\\b", "\\b(?:bikin|buat|atur|batal\\w*) janji\\b", "\\bjadwal",
                "\\batur (?:jadwal|waktu|janji)\\b",
                "\\bdatang ke (?:showroom|kantor|toko|lokasi)\\b", "\\btolong (?:keep|tahan|simpan)\\b",
                "\\b(?:keep|tahan) unit\\b",
                "\\bpesan (?:unit|mobil|sekarang)\\b"));
        RULES.put(Intent.COMPLAINT, patterns(
                "\\bbroken\\b", "\\bbroke\\b", "\\bcrack(?:ed|s)?\\b", "\\bdamaged?\\b(?!-free)", "\\bfaulty\\b",
                "\\bdefective\\b",
                "\\bnot working\\b",
                "\\b(?:doesn'?t|does not|didn'?t|did not|won'?t|wouldn'?t) (?:work|start|turn on|charge|switch on|focus)\\b",
                "\\bstopped working\\b", "\\bdied\\b", "\\bdead\\b", "\\bdirty\\b", "\\bscratch", "\\bdent(?:ed|s)?\\b",
                "\\bleak",
                "\\boverheat", "\\bcorrupt", "\\bcharged (?:me )?twice\\b", "\\bdouble charged\\b", "\\bovercharg",
                "\\bwrong (?:item|lens|amount|camera|car|one|charge|bill)\\b",
                "\\b(?:hours?|mins?|minutes|days?) late\\b", "\\bwas late\\b", "\\bcame late\\b",
                "\\bnot acceptable\\b", "\\bunacceptable\\b",
                "\\brude\\b", "\\bworst\\b", "\\bterrible\\b", "\\bhorrible\\b", "\\bawful\\b", "\\bpathetic\\b",
                "\\bbad experience\\b",
                "\\bvery bad\\b", "\\bpoor (?:service|quality|condition)\\b", "\\bdisappoint", "\\bunhappy\\b",
                "\\bfrustrat", "\\bfed up\\b",
                "\\bridiculous\\b", "\\bscam\\b", "\\bcheated\\b", "\\bfraud\\b", "\\blied\\b", "\\bmisleading\\b",
                "(?<!no )\\bproblem\\b",
                "\\bmoney back\\b", "\\bcrashed\\b", "\\bbug\\b", "\\bflicker", "\\bglitch", "\\bblurry\\b", "\\bfungus\\b", "\\bsmells?\\b",
                "\\btidak terima\\b", "\\bcomplain", "\\bnot happy\\b", "\\bcutting out\\b", "\\buseless\\b",
                "\\bruined\\b", "\\bshak(?:es|ing)\\b", "\\bnot what i (?:paid|asked|ordered) for\\b", "\\bupset\\b",
                "\\bangry\\b", "\\bannoyed\\b", "\\bcharged (?:me )?(?:extra|more)\\b", "\\bnot fair\\b",
                "\\bunfair\\b",
                "\\bkharaa?b\\b", "\\bbura\\b", "\\btoo?t(?:a|i|e|ii)\\b", "\\btut(?:a|i|e) (?:hua|hui|gaya|gayi)\\b",
                "\\btoot gay", "\\bband ho gaya\\b", "\\bchal nahi (?:raha|rahi)\\b",
                "\\bkaam nahi kar", "\\blate ho gaya\\b", "\\blate (?:aaya|aayi|aya|tha|thi|hua|hui|ho gayi|pahunch)",
                "\\bder se\\b", "\\bgalat\\b", "\\bkhatam\\b", "\\bbekaa?r\\b", "\\bbakwas\\b",
                "\\bgand[aie]\\b", "\\bghatiya\\b", "\\bfaltu\\b", "\\bdhokh?a\\b", "\\bpareshan", "\\bdikkat\\b",
                "\\bshikayat\\b",
                "\\bpaisa wapas\\b", "\\bpaise wapas\\b", "\\bnaraz\\b",
                "\\bkecewa\\b", "\\bmengecewakan\\b", "\\bburuk\\b", "\\bkomplain", "\\bkeluhan\\b", "\\bparah\\b",
                "\\btidak membalas\\b",
                "\\bmogok\\b", "\\bbekas banjir\\b", "\\bbocor\\b", "\\brusak\\b", "\\blecet\\b", "\\bpenyok\\b",
                "\\bbaret\\b",
                "\\bbunyi aneh\\b", "\\btidak dingin\\b", "\\btidak ramah\\b", "\\bjutek\\b", "\\bbohong\\b",
                "\\bpenipu", "\\bditipu\\b",
                "\\bkesal\\b", "\\bkesel\\b", "\\bnyesel\\b", "\\buang kembali\\b", "\\bganti rugi\\b",
                "\\btidak sesuai\\b", "\\bmati total\\b",
                "\\b(?:ac|mesin|mobil|lampu|aki|mobilnya|ac mobilnya|mesinnya)\\w* mati\\b",
                "\\btidak (?:respon|direspon|ada respon|ada kabar)\\b"));
        RULES.put(Intent.HUMAN_REQUEST, patterns(
                "\\b(?:talk|speak|chat) (?:to|with) (?:a |an |the |your |some |any )?(?:human|person|owner|manager|agent|someone|somebody|staff"
                        + "|team member|representative|rep|executive|sales|salesperson|real person|anyone|anybody|customer (?:care|service|support)"
                        + "|boss|supervisor|people|guy|admin)\\b",
                "\\bconnect me\\b", "\\btransfer me\\b", "\\bput me through\\b", "\\bcall me\\b", "\\bcall ?back\\b",
                "\\bring me\\b",
                "\\bgive me a (?:call|ring)\\b", "\\bphone me\\b", "\\bcontact me\\b", "\\breach me\\b",
                "\\bis there a human\\b",
                "\\breal (?:human|person|agent)\\b", "\\bnot a bot\\b", "\\bare you a bot\\b", "\\blive agent\\b",
                "\\bhuman please\\b",
                "\\b(?:want|need) (?:a|to talk to a) (?:human|person)\\b",
                "\\b(?:owner|manager)'?s? (?:number|contact)\\b",
                "\\binsaan se baat\\b", "\\bse baat\\b",
                "\\b(?:manager|owner|someone|somebody|person|staff) on (?:call|the phone|the line)\\b",
                "\\b(?:someone|somebody|anyone|a person|a human) (?:i|we) can (?:call|talk to|speak to|speak with|chat with)\\b",
                "\\bcall (?:kijiye|karo|kar do|kar dijiye|karna|kar sakte|kar sakta)\\b",
                "\\bphone kar (?:sakta|sakte|do|dena|dijiye|kijiye|ke)\\b",
                "\\bphone (?:karo|kijiye)\\b", "\\b(?:call|phone) (?:karein|karen|kare|karna)\\b",
                "\\b(?:aadmi|insaan|banda|staff|manager|owner|malik) (?:se|chahiye)\\b",
                "\\bnumber (?:do|dijiye|bhejo|de do)\\b",
                "\\b(?:bicara|berbicara|ngobrol|ngomong|omong|diskusi) (?:langsung )?(?:dengan|sama)\\b",
                "\\btelepon (?:saya|aku|balik)\\b", "\\bditelepon\\b",
                "\\bdihubungi\\b", "\\bhubungi (?:saya|aku)\\b", "\\bsambungkan\\b", "\\bmanusia\\b", "\\binsaan\\b",
                "\\bhuman being\\b", "\\bon the line\\b", "\\bon a call\\b", "\\bwhatsapp call\\b",
                "\\borang (?:asli|beneran)\\b",
                "\\bbukan bot\\b", "\\b(?:minta|bagi) (?:nomor|kontak|no)\\b", "\\bcustomer service\\b",
                "\\bcs nya\\b"));
        RULES.put(Intent.ORDER_STATUS, patterns(
                "\\bwhere is my\\b", "\\b(?:money|deposit|refund|advance|payment)\\b[\\w ]{0,25}\\b(?:come|came|been sent|gone|been paid) back\\b",
                "\\b(?:booking|order|payment|refund|delivery|advance)\\b[\\w ]{0,12}\\bkya scene\\b",
                "\\bkya scene hai (?:meri|mera|mere)\\b", "\\bwhere are we with\\b",
                "\\b(?:is )?everything (?:set|ok|okay|fine|sorted) (?:for|with) my\\b",
                "\\b(?:booking|order|payment|refund) ho (?:gayi|gaya|gya|gyi) kya\\b",
                "\\bcheck if (?:it|the payment|the money|my payment|the transfer) (?:came|arrived|reached)\\b",
                "\\bi (?:paid|transferred|sent the money) (?:yesterday|today|this morning|last night)\\b",
                "\\b(?:be|been|get|got) refunded\\b",
                "\\bwhen will my [\\w -]{1,40} (?:be )?(?:refunded|returned|back|credited|ready|delivered|processed)\\b",
                "\\b(?:did|has) (?:the|my) (?:transfer|payment|money|deposit|advance|refund) (?:reach|come|go|arrive|get|been)\\b",
                "\\b(?:is|are) (?:the )?[\\w -]{1,40} (?:for|of) my [\\w -]{1,40} (?:ready|done|confirmed|processed|sorted)\\b",
                "\\bstatus\\b", "\\bconfirmed\\b", "\\bconfirm (?:hua|hui|hai|ho gaya|ho gayi|hogaya)\\b",
                "\\b(?:any )?update on my\\b",
                "\\b(?:did|have) you (?:receive|received|get|got) my\\b",
                "\\breceive my (?:payment|money|transfer|deposit)\\b",
                "\\bmy (?:payment|transfer|deposit|refund|advance|money) (?:go through|gone through|received|reflect|credited|arrived|come)\\b",
                "\\brefund (?:hit|credited|processed|kab|yet|status|aaya|aayega|kapan)\\b", "\\bhas the refund\\b",
                "\\bmy refund\\b",
                "\\bwhat'?s happening with my\\b", "\\bwhat happened (?:to|with) my\\b", "\\bmy order\\b",
                "\\btrack(?:ing)? my\\b",
                "\\b(?:is|has|are|was|were) my [\\w -]{1,40} (?:been )?(?:confirmed|locked in|locked|booked|done|ready|processed|sorted|still on|on track|approved|shipped|dispatched|received|cleared|credited|refunded)\\b",
                "\\bwhen (?:will|do|can) i (?:get|receive|collect) (?:my|the car|the refund|the deposit)\\b",
                "\\bpayment mila\\b",
                "\\b(?:advance|payment|deposit|paise|paisa|amount|transfer) (?:bheja|bhej diya|bhej di|transfer kiya|transfer kar diya|kar diya|kar di|diya)\\b",
                "\\bmila (?:kya|ki nahi|ya nahi)\\b",
                "\\b(?:advance|payment|deposit|paisa|paise|transfer|refund)(?: \\w+)? (?:mil gaya|mil gayi|mila|aa gaya|aaya|pahunch)",
                "\\brefund (?:abhi tak |ab tak |still )?(?:nahi|not|hasn'?t|has not|belum)\\b", "\\bmila\\?",
                "\\brefund kab\\b",
                "\\b(?:mera|meri|mere) (?:booking|order|payment|refund|advance|deposit) (?:ka|ki|kab|status|confirm)\\b",
                "\\bsudah jadi\\b", "\\bkapan jadi\\b", "\\bbelum jadi\\b",
                "\\bsudah (?:diterima|masuk|diproses|dikonfirmasi|dikirim|selesai|beres|cair|approve)\\b",
                "\\bbelum (?:masuk|diterima|dikirim|diproses|cair)\\b", "\\bpembayaran saya\\b", "\\btransfer saya\\b",
                "\\b(?:pesanan|orderan|order) saya\\b",
                "\\bkapan (?:mobil|unit|stnk|bpkb|pesanan) saya\\b",
                "\\b(?:stnk|bpkb|mobil|unit) saya (?:kapan|sudah|belum)\\b", "\\bbalik nama (?:saya|punya saya)\\b",
                "\\bproses (?:kredit|leasing|pengajuan) saya\\b", "\\bgimana (?:proses|status)\\b",
                "\\bkapan (?:dikirim|diantar|bisa diambil|selesai)\\b"));
        RULES.put(Intent.GENERAL_QUESTION, patterns(
                "\\b" + FACILITY + "\\b", "\\bopen(?:ing)?\\b", "\\bclos(?:e|ing)\\b(?! to)", "\\btimings?\\b", "\\bhours\\b", "\\bkhul(?:a|te|ta|egi|ega)\\b",
                "\\bband hot(?:a|e)\\b", "\\bbuka\\b", "\\btutup\\b", "\\bjam (?:operasional|buka|kerja)\\b",
                "\\baddress\\b", "\\blocation\\b",
                "\\bwhere (?:is|are) (?:your|the) (?:shop|store|office|showroom|place)", "\\bkahan\\b", "\\balamat\\b",
                "\\blokasi\\b",
                "\\bdi mana\\b", "\\bmaps?\\b", "\\bid proof\\b", "\\bdocuments?\\b", "\\bdokumen\\b", "\\baadha?ar\\b",
                "\\bpan card\\b",
                "\\bpassport\\b", "\\blicen[cs]e\\b", "\\bktp\\b", "\\bnpwp\\b", "\\bsurat", "\\bpajak\\b",
                "\\bsyarat\\b", "\\bcash\\b",
                "\\bpay (?:in|by|with|via|using)\\b", "\\bbayar (?:pakai|pake|via|dengan|cash|tunai)\\b",
                "\\bpayment (?:methods?|options?|mode)\\b",
                "\\bdeliver\\b", "\\bdiantar\\b", "\\bdikirim ke\\b", "\\bpick ?up (?:at|time|from)\\b",
                "\\bpickup (?:ho sakta|kab)\\b",
                "\\bsecurity\\b", "\\breturn (?:it|the|late)\\b", "\\bwapas (?:kahan|kab|kaise)\\b", "\\boutstation\\b",
                "\\bkm\\b",
                "\\bkilometers?\\b", "\\bkilometernya\\b", "\\bmileage\\b", "\\bservis\\b",
                "\\bservice (?:history|rutin|record)\\b",
                "\\baccident\\b", "\\bpernah (?:tabrakan|banjir)\\b", "\\btransmis", "\\bmanual\\b", "\\bmatic\\b",
                "\\bautomatic\\b",
                "\\bbody only\\b", "\\bcome with\\b", "\\binclud", "\\bke saath\\b", "\\bkya kya\\b",
                "\\btahun berapa\\b", "\\bwarna apa\\b",
                "\\bfuel\\b", "\\bpolicy\\b", "\\bon my behalf\\b", "\\bonline payment\\b", "\\bhow old\\b",
                "\\bkaam karte\\b", "\\bsunroof\\b", "\\bage limit\\b", "\\bbensin\\b", "\\bsolar\\b",
                "\\bdiesel or\\b", "\\bcc\\b", "\\bcondition\\b", "\\bkondisi\\b",
                // a follow-up on an unanswered question
                "\\b(?:no|waiting for (?:a |an |your )?) ?(?:answer|reply|response)\\b",
                "\\bbelum (?:dibalas|dijawab|direspon)\\b",
                "\\b(?:dibalas|dijawab)\\b", "\\bforg[eo]t my\\b",
                "\\b(?:my|mera|meri) (?:last |previous )?(?:question|sawaal|sawal)\\b",
                "\\bsawaa?l\\b", "\\bjawab (?:do|nahi|kyun|kab)\\b", "\\bkok (?:lama|belum)\\b",
                "\\bpertanyaan saya\\b"));
        RULES.put(Intent.OUT_OF_SCOPE, patterns(
                "\\bweather\\b", "\\bforecast\\b", "\\bwill it rain\\b", "\\bbarish\\b", "\\bhujan\\b", "\\bcuaca\\b",
                "\\bessay\\b",
                "\\bhomework\\b", "\\bassignment\\b", "\\bpr matematika\\b", "\\bcricket\\b", "\\bfootball\\b",
                "\\bipl\\b", "\\bsepak ?bola\\b",
                "\\bmatch\\b", "\\bjoke\\b", "\\bshayari\\b", "\\bpoem\\b", "\\bpuisi\\b", "\\bsong\\b", "\\blagu\\b",
                "\\bmovies?\\b",
                "\\bfilm\\b", "\\bnetflix\\b", "\\bweb ?series\\b", "\\btv (?:show|serial)s?\\b", "\\brecipe\\b",
                "\\bresep\\b", "\\bcara masak\\b", "\\bcapital of\\b", "\\bpresiden\\b",
                "\\bpresident\\b", "\\bprime minister\\b", "\\belection\\b", "\\bpemilu\\b", "\\bpolitic",
                "\\bpolitik\\b", "\\bjokowi\\b",
                "\\bprabowo\\b", "\\bmodi\\b", "\\bhoroscope\\b", "\\bzodiac\\b", "\\bbitcoin\\b", "\\bcrypto\\b",
                "\\bsaham\\b",
                "\\btax return\\b", "\\bpython\\b", "\\bjavascript\\b", "\\btranslate\\b", "\\bterjemah",
                "\\bmaths?\\b", "\\bmatematika\\b",
                "\\bpizza\\b", "\\bburger\\b", "\\bbiryani\\b", "\\brestaurant\\b", "\\brestoran\\b", "\\bjeeta\\b",
                "\\bwho won\\b",
                "\\bworld cup\\b", "\\bpiala dunia\\b", "\\bscore in\\b",
                "\\b\\d+ (?:times|x|plus|minus|divided by|kali|tambah|kurang|bagi) \\d+\\b",
                "\\bwrite (?:a|my|me a) (?:cover letter|cv|resume|letter|essay|poem|story|code|song)\\b",
                "\\bbollywood\\b", "\\bhollywood\\b",
                "\\bactor\\b", "\\bactress\\b", "\\bcelebrity\\b", "\\bwhat(?:'s| is) the time in\\b",
                "\\btime in \\w+ now\\b", "\\bgaa?na\\b",
                "\\bemas\\b", "\\bgold (?:price|rate)\\b", "\\bdollar rate\\b", "\\bkurs\\b", "\\bpilpres\\b",
                "\\bpilkada\\b", "\\bstory\\b", "\\bmeaning of life\\b", "\\bcv\\b", "\\bresume\\b", "\\bartis\\b",
                "\\bcara (?:masak|bikin|membuat|buat) (?!janji|jadwal|booking)",
                "\\bhow (?:do|can|to) (?:i |you )?(?:make|cook|bake)\\b", "\\bpasta\\b", "\\bfunny\\b", "\\bmausam\\b",
                "\\blove letter\\b", "\\bberita\\b",
                "\\bwisata\\b", "\\bexchange rate\\b", "\\bdollar\\b", "\\bsensex\\b", "\\bnifty\\b", "\\bshare (?:price|market)\\b", "\\bstock market\\b",
                "\\bsudoku\\b", "\\bpuzzle\\b", "\\briddle\\b", "\\bgirlfriend\\b", "\\bboyfriend\\b", "\\bpacar\\b"));
    }

    /** Words that, after a greeting, add nothing to it ("hi, anyone there?", "thanks a lot for the help"). */
    private static final Set<String> COURTESY = Set.copyOf(List.of("is", "anyone", "anybody", "there", "kak", "kakak", "min", "gan", "ji", "bhaiya",
            "bhai", "sir", "madam", "maam", "ma'am", "mam", "pak", "bu", "bang", "sis", "bro", "dear", "team", "all",
            "everyone",
            "guys", "around", "here", "online", "so", "much", "very", "a", "lot", "ton", "again", "for", "the", "your",
            "help", "info", "information", "reply",
            "response", "quick", "fast", "assistance", "support", "time", "banyak", "ya", "yaa", "yah", "ok", "thanks",
            "thank",
            "you", "ji", "good", "night", "day", "morning", "evening", "sirji", "boss", "friend", "buddy", "dost",
            "sahab", "saab",
            "sab", "sabko", "जी", "भैया", "भाई", "सर", "बहुत", "धन्यवाद", "शुक्रिया", "आपका", "aapka", "aapki", "bahut", "bohot", "hai", "atas", "infonya", "bantuannya", "jawabannya",
            "balasannya",
            "kasih", "terima", "makasih", "sekali", "deh", "dong", "nih", "mas", "mbak", "om", "all", "great", "cool",
            "noted",
            "got", "it", "have", "nice", "see", "soon", "later", "take", "care", "bye", "oke", "siap", "sip", "mantap",
            "accha",
            "theek", "shukriya", "dhanyavaad", "appreciate", "appreciated", "really", "and", "too", "also", "was",
            "helpful", "sounds", "guys", "awesome", "amazing", "stuff", "bunch", "nanti", "saya", "kabari", "kabarin",
            "dikabari", "wkwk", "haha", "krishna", "shree", "kaise", "how", "are", "done", "nice", "apa", "kabar", "ho",
            "gayi", "gaya", "hui", "pagi",
            "siang", "sore", "malam", "selamat", "hello", "hi", "halo", "namaste", "ram", "yes", "yup", "haan", "iya",
            "baik"));

    /** A question about what would happen: the terms, not a complaint. */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "\\bwhat (?:happens|if)\\b|\\bin case\\b|^(?:agar|kalau|jika|if|what if)\\b|\\b(?:kya hoga|gimana kalau|bagaimana jika)\\b",
            Pattern.MULTILINE);

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[?!.;\\n]+");
    /** Media a customer may be shooting, which the out-of-scope rules also list as chatter topics. */
    private static final Pattern MEDIA_TOPIC = Pattern.compile(
            "\\b(?:film|movies?|songs?|gaa?na|story|stories|web ?series|lagu|music video|short film|reels?)\\b");
    /** Making something: a shoot, a recording, a video (then the media words are what they rent for). */
    private static final Pattern PRODUCTION = Pattern.compile("\\b(?:shoot|shooting|filming|record|recording|vlog"
            + "|video|videography|photography|instagram|youtube|syuting|rekam|banana|banani|banane|ke liye)\\b");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}']+");

    static {
        // Devanagari words carry no case or shorthand: they join each intent's romanized rules as they are.
        DEVANAGARI.forEach((intent, extra) -> {
            List<Pattern> merged = new ArrayList<>(RULES.get(intent));
            merged.addAll(extra);
            RULES.put(intent, List.copyOf(merged));
        });
    }

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
        String normalized = IntentText.normalize(text);
        String itemsOnly = without(NOT_AN_ITEM, normalized);
        String pricesOnly = without(NOT_A_PRICE, normalized);
        String bookingsOnly = without(NOT_A_BOOKING, normalized);
        int[] first = new int[Intent.values().length];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (Map.Entry<Intent, List<Pattern>> rule : RULES.entrySet()) {
            String read = switch (rule.getKey()) {
                case AVAILABILITY -> itemsOnly;
                case PRICING -> pricesOnly;
                case BOOKING -> bookingsOnly;
                default -> normalized;
            };
            for (Pattern pattern : rule.getValue()) {
                Matcher matcher = pattern.matcher(read);
                if (matcher.find()) {
                    first[rule.getKey().ordinal()] = Math.min(first[rule.getKey().ordinal()], matcher.start());
                }
            }
        }
        // A status question about a booking is neither a new booking nor a stock question ("refund kab milega").
        if (first[Intent.ORDER_STATUS.ordinal()] != Integer.MAX_VALUE) {
            first[Intent.BOOKING.ordinal()] = Integer.MAX_VALUE;
            first[Intent.AVAILABILITY.ordinal()] = Integer.MAX_VALUE;
        }
        // "What happens if I damage the lens" asks about the terms, it reports nothing.
        if (HYPOTHETICAL.matcher(normalized).find()) {
            first[Intent.COMPLAINT.ordinal()] = Integer.MAX_VALUE;
        }
        // A film, a song or a story the customer is shooting is what they rent for ("fx3 available for a movie shoot?",
        // "gaana shoot ke liye camera chahiye, kitna lagega?"): those words only put a message outside the business
        // when nothing else does and it asks for no stock, price or production.
        if (first[Intent.OUT_OF_SCOPE.ordinal()] != Integer.MAX_VALUE && MEDIA_TOPIC.matcher(normalized).find()
                && (PRODUCTION.matcher(normalized).find() || first[Intent.AVAILABILITY.ordinal()] != Integer.MAX_VALUE
                || first[Intent.PRICING.ordinal()] != Integer.MAX_VALUE)) {
            String withoutMedia = without(List.of(MEDIA_TOPIC), normalized);
            if (RULES.get(Intent.OUT_OF_SCOPE).stream().noneMatch(pattern -> pattern.matcher(withoutMedia).find())) {
                first[Intent.OUT_OF_SCOPE.ordinal()] = Integer.MAX_VALUE;
            }
        }
        // A question about something outside the business is not a stock question ("where can I get good biryani").
        if (first[Intent.OUT_OF_SCOPE.ordinal()] != Integer.MAX_VALUE) {
            first[Intent.AVAILABILITY.ordinal()] = Integer.MAX_VALUE;
            first[Intent.PRICING.ordinal()] = Integer.MAX_VALUE;
        }
        boolean found = false;
        for (Intent intent : Intent.values()) {
            found |= intent != Intent.GREETING && intent != Intent.GENERAL_QUESTION && first[intent.ordinal()] != Integer.MAX_VALUE;
        }
        // The business topics (hours, documents, delivery…) are the general question only when nothing more specific
        // was asked in the same sentence: "how much is the deposit in cash" is a price question, "is my payment
        // received? and where is your shop" is a status and a general question.
        if (found && first[Intent.GENERAL_QUESTION.ordinal()] != Integer.MAX_VALUE
                && !generalQuestionOfItsOwn(normalized, Map.of(Intent.AVAILABILITY, itemsOnly, Intent.PRICING, pricesOnly,
                        Intent.BOOKING, bookingsOnly), first)) {
            first[Intent.GENERAL_QUESTION.ordinal()] = Integer.MAX_VALUE;
        }
        List<int[]> hits = new ArrayList<>();
        for (Intent intent : Intent.values()) {
            if (first[intent.ordinal()] != Integer.MAX_VALUE) {
                hits.add(new int[]{first[intent.ordinal()], intent.ordinal()});
            }
        }
        hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<Intent> intents = new ArrayList<>();
        hits.forEach(hit -> intents.add(Intent.values()[hit[1]]));
        if (intents.equals(List.of(Intent.GREETING))) {
            // Every greeting blanked, wherever it is (a burst may greet on its first and last lines): what is left
            // must be courtesy too ("halo kak / bisa kirim ke luar kota? / makasih" asks something).
            String rest = without(RULES.get(Intent.GREETING), normalized);
            if (!onlyCourtesy(rest)) {
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

    /**
     * True when a business-topic rule matches in a sentence (split at ? ! . ; and line ends) where no
     * other intent but a greeting matched.
     */
    private static boolean generalQuestionOfItsOwn(String normalized, Map<Intent, String> readings, int[] first) {
        int[] clauseOf = new int[normalized.length() + 1];
        Matcher breaks = CLAUSE_BREAK.matcher(normalized);
        int clause = 0;
        int from = 0;
        while (breaks.find()) {
            Arrays.fill(clauseOf, from, breaks.end(), clause++);
            from = breaks.end();
        }
        Arrays.fill(clauseOf, from, clauseOf.length, clause);
        Set<Integer> taken = new HashSet<>();
        for (Intent intent : Intent.values()) {
            if (intent == Intent.GREETING || intent == Intent.GENERAL_QUESTION || first[intent.ordinal()] == Integer.MAX_VALUE) {
                continue;
            }
            for (Pattern pattern : RULES.get(intent)) {
                Matcher matcher = pattern.matcher(readings.getOrDefault(intent, normalized));
                while (matcher.find()) {
                    taken.add(clauseOf[matcher.start()]);
                }
            }
        }
        for (Pattern pattern : RULES.get(Intent.GENERAL_QUESTION)) {
            Matcher matcher = pattern.matcher(normalized);
            while (matcher.find()) {
                if (!taken.contains(clauseOf[matcher.start()])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code rest} (what follows a greeting) is more courtesy: thanks, a name for the staff, "for the help". */
    private static boolean onlyCourtesy(String rest) {
        Matcher token = TOKEN.matcher(rest);
        int words = 0;
        while (token.find()) {
            words++;
            if (!COURTESY.contains(token.group())) {
                return words == 1 && !token.find(); // one unknown word ("hi bhaiya-ji", a name) is still a greeting
            }
        }
        return true;
    }

    private static String without(List<Pattern> spans, String normalized) {
        String masked = normalized;
        for (Pattern span : spans) {
            masked = span.matcher(masked).replaceAll(match -> " ".repeat(match.group().length()));
        }
        return masked;
    }

    private static List<Pattern> patterns(String... regexes) {
        List<Pattern> compiled = new ArrayList<>();
        for (String regex : regexes) {
            // MULTILINE: ^ and $ are a message's start and end, also inside a burst (one message per line).
            compiled.add(Pattern.compile(regex, Pattern.MULTILINE));
        }
        return compiled;
    }
}
