package dev.waagent.domain.context;

import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.conversation.LanguageDetector;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.Money;

import java.util.Locale;

/** The few fixed sentences the composer adds itself, in the customer's language. */
public final class ComposerPhrases {

    private ComposerPhrases() {
    }

    static boolean hindi(Locale language) {
        return language.getLanguage().equals(LanguageDetector.HINDI.getLanguage());
    }

    static boolean bahasa(Locale language) {
        return language.getLanguage().equals(LanguageDetector.INDONESIAN.getLanguage());
    }

    public static String priceToConfirm(Locale language) {
        return hindi(language) ? "Price hamari team confirm karegi."
                : bahasa(language) ? "Harga akan dikonfirmasi oleh tim kami." : "A team member will confirm the price.";
    }

    public static String apology(Locale language) {
        return hindi(language) ? "Sorry, aapka sawal miss ho gaya tha." : bahasa(language)
                ? "Maaf, pertanyaan Anda tadi terlewat." : "Sorry, we missed your question earlier.";
    }

    public static String welcomeBack(Locale language, String topic) {
        return hindi(language) ? "Welcome back! Pichhli baar aapne " + topic + " ke baare mein pucha tha - abhi bhi chahiye?"
                : bahasa(language) ? "Selamat datang kembali! Terakhir Anda menanyakan " + topic + " - masih perlu?"
                : "Welcome back! Last time you asked about " + topic + " - still need it?";
    }

    public static String checking(Locale language) {
        return hindi(language) ? "Main team se check karke batata hoon." : bahasa(language)
                ? "Saya cek dulu dengan tim kami ya." : "Let me check with the team and get back to you.";
    }

    /** The catalog price of {@code item} and, when the days span more than one price period, the total. */
    static String quote(Locale language, CatalogItem item, int days) {
        AgentTools.Quote quote = AgentTools.quote(item, days);
        return quote(language, item.name(), Money.format(item.price(), item.currency()), item.priceUnit().wireName(),
                quote.periods() > 1 ? quote.days() : 1, Money.format(quote.total(), item.currency()));
    }

    public static String quote(Locale language, String item, String price, String unit, int days, String total) {
        String per = unit.replace('_', ' ');
        if (days > 1 && total != null) {
            return hindi(language) ? item + ": " + price + " " + per + ", " + days + " din ke liye total " + total + "."
                    : bahasa(language) ? item + ": " + price + " " + per + ", total " + days + " hari " + total + "."
                    : item + ": " + price + " " + per + ", " + total + " for " + days + " days.";
        }
        return item + ": " + price + (per.equals("per item") ? "" : " " + per) + ".";
    }
}
