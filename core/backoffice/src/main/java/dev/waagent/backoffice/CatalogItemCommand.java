package dev.waagent.backoffice;

import dev.waagent.backoffice.input.CsvTable;
import dev.waagent.backoffice.input.JsonFields;
import dev.waagent.backoffice.input.Problems;
import dev.waagent.domain.catalog.Availability;
import dev.waagent.domain.catalog.PriceUnit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A catalog item as written through the admin API or an import row.
 * <p>
 * JSON: {@code {"sku", "name", "category", "aliases"?: [..], "price"?, "currency"?, "price_unit"?, "stock"?,
 * "availability"?, "attributes"?: {..}, "image_url"?, "active"?}} ({@code version} on a PUT). CSV columns: the same
 * names, {@code aliases} separated by {@code |}, {@code attributes} as {@code key=value|key=value}. A price needs a
 * currency (ISO code), is not negative and has at most 2 decimals; no price means "on request".
 */
public record CatalogItemCommand(
        String sku,
        String name,
        List<String> aliases,
        String category,
        @Nullable BigDecimal price,
        String currency,
        PriceUnit priceUnit,
        int stock,
        Availability availability,
        Map<String, String> attributes,
        @Nullable String imageUrl,
        boolean active,
        @Nullable Long expectedVersion) {

    public static final Set<String> JSON_FIELDS = Set.of("sku", "name", "aliases", "category", "price", "currency",
            "price_unit", "stock", "availability", "attributes", "image_url", "active", "version");
    public static final Set<String> CSV_COLUMNS = Set.of("sku", "name", "aliases", "category", "price", "currency",
            "price_unit", "stock", "availability", "attributes", "image_url", "active");
    public static final Set<String> REQUIRED = Set.of("sku", "name", "category");

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");

    public static CatalogItemCommand fromJson(JsonNode node, @Nullable Integer row, Problems problems) {
        JsonFields json = new JsonFields(node, row, problems, JSON_FIELDS);
        for (String field : REQUIRED) {
            problems.check(json.has(field), row, field, "is required");
        }
        Integer stock = json.integer("stock");
        Boolean active = json.bool("active");
        Integer version = json.integer("version");
        CatalogItemCommand command = new CatalogItemCommand(strip(json.string("sku")), strip(json.string("name")),
                json.strings("aliases").stream().map(a -> a == null ? null : a.strip()).toList(),
                strip(json.string("category")), json.decimal("price"), upper(json.string("currency")),
                priceUnit(json.string("price_unit"), row, problems), stock == null ? 0 : stock,
                availability(json.string("availability"), row, problems), json.scalarMap("attributes"),
                strip(json.string("image_url")), active == null || active, version == null ? null : version.longValue());
        command.validate(row, problems);
        return command;
    }

    public static CatalogItemCommand fromCsv(CsvTable.Row csv, Problems problems) {
        int row = csv.number();
        BigDecimal price = null;
        if (!csv.get("price").isBlank()) {
            try {
                price = new BigDecimal(csv.get("price").strip());
            } catch (NumberFormatException e) {
                problems.add(row, "price", "must be a number such as 2500 or 2500.50");
            }
        }
        Integer stock = null;
        if (!csv.get("stock").isBlank()) {
            try {
                stock = Integer.parseInt(csv.get("stock").strip());
            } catch (NumberFormatException e) {
                problems.add(row, "stock", "must be a whole number");
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : CsvTable.list(csv.get("attributes"))) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                problems.add(row, "attributes", "\"" + pair + "\" is not key=value");
            } else {
                attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        String activeCell = csv.get("active").strip().toLowerCase(Locale.ROOT);
        boolean active = !(activeCell.equals("false") || activeCell.equals("no") || activeCell.equals("0"));
        CatalogItemCommand command = new CatalogItemCommand(csv.get("sku").strip(), csv.get("name").strip(),
                CsvTable.list(csv.get("aliases")), csv.get("category").strip(), price, upper(blankToNull(csv.get("currency"))),
                priceUnit(blankToNull(csv.get("price_unit")), row, problems), stock == null ? 0 : stock,
                availability(blankToNull(csv.get("availability")), row, problems), attributes,
                blankToNull(csv.get("image_url")), active, null);
        command.validate(row, problems);
        return command;
    }

    public void validate(@Nullable Integer row, Problems problems) {
        if (sku == null || sku.isBlank()) {
            problems.add(row, "sku", "is required");
        } else {
            problems.check(SKU.matcher(sku).matches(), row, "sku", "must be 1-64 characters of letters, digits, '.', '_' or '-'");
        }
        problems.text(name, true, 200, row, "name");
        problems.texts(aliases, 20, 80, row, "aliases");
        problems.text(category, true, 80, row, "category");
        if (price != null) {
            problems.check(price.signum() >= 0, row, "price", "must not be negative");
            problems.check(price.stripTrailingZeros().scale() <= 2, row, "price", "has more than 2 decimals");
            problems.check(price.compareTo(MAX_PRICE) <= 0, row, "price", "is too large");
            problems.check(currency != null && CURRENCY.matcher(currency).matches(), row, "currency",
                    "is required with a price: a 3-letter ISO code such as INR or IDR");
        } else if (currency != null) {
            problems.check(CURRENCY.matcher(currency).matches(), row, "currency", "must be a 3-letter ISO code such as INR or IDR");
        }
        problems.check(stock >= 0 && stock <= 1_000_000, row, "stock", "must be between 0 and 1000000");
        problems.check(attributes.size() <= 30, row, "attributes", "has more than 30 entries");
        attributes.forEach((key, value) -> {
            problems.check(!key.isBlank() && key.length() <= 40, row, "attributes." + key, "names are 1-40 characters");
            problems.check(value.length() <= 200, row, "attributes." + key, "is longer than 200 characters");
        });
        if (imageUrl != null) {
            problems.check(imageUrl.length() <= 1000 && isHttpUrl(imageUrl), row, "image_url", "must be an http(s) URL");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static PriceUnit priceUnit(@Nullable String value, @Nullable Integer row, Problems problems) {
        if (value == null || value.isBlank()) {
            return PriceUnit.PER_ITEM;
        }
        return PriceUnit.parse(value).orElseGet(() -> {
            problems.add(row, "price_unit", "must be one of " + Arrays.stream(PriceUnit.values()).map(PriceUnit::wireName)
                    .collect(Collectors.joining(", ")));
            return PriceUnit.PER_ITEM;
        });
    }

    private static Availability availability(@Nullable String value, @Nullable Integer row, Problems problems) {
        if (value == null || value.isBlank()) {
            return Availability.IN_STOCK;
        }
        return Availability.parse(value).orElseGet(() -> {
            problems.add(row, "availability", "must be one of " + Arrays.stream(Availability.values())
                    .map(Availability::wireName).collect(Collectors.joining(", ")));
            return Availability.IN_STOCK;
        });
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
