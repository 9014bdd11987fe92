package dev.waagent.domain.tools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How an amount is written to a customer: {@code ₹3,500}, {@code Rp 315.000.000}, {@code USD 12.50}. */
public final class Money {

    private Money() {
    }

    public static String format(BigDecimal amount, String currency) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        BigDecimal scaled = amount.stripTrailingZeros().scale() <= 0 ? amount.setScale(0, RoundingMode.HALF_UP)
                : amount.setScale(2, RoundingMode.HALF_UP);
        return switch (code) {
            case "INR" -> "₹" + grouped(scaled, ',', '.');
            case "IDR" -> "Rp " + grouped(scaled, '.', ',');
            case "" -> grouped(scaled, ',', '.');
            default -> code + " " + grouped(scaled, ',', '.');
        };
    }

    private static String grouped(BigDecimal amount, char grouping, char decimal) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(grouping);
        symbols.setDecimalSeparator(decimal);
        DecimalFormat format = new DecimalFormat(amount.scale() > 0 ? "#,##0.00" : "#,##0", symbols);
        return format.format(amount);
    }
}
