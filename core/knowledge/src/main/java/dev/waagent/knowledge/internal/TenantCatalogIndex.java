package dev.waagent.knowledge.internal;

import dev.waagent.domain.catalog.CatalogItem;
import dev.waagent.domain.catalog.CatalogMatch;
import dev.waagent.domain.catalog.SpellingCorrection;
import dev.waagent.domain.knowledge.KnowledgeEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tenant's catalog, ready for fuzzy lookup: every way an item can be named (name, aliases, the name without
 * its brand, distinctive model codes) as a canonical key ({@link ProductCodes}), item vectors for semantic
 * matching, and the tenant's vocabulary for spelling correction. Immutable; rebuilt when the catalog or the
 * knowledge base changes.
 */
public final class TenantCatalogIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_WINDOW = 5;
    /** A key several items share (a brand + series prefix) says less about which item is meant. */
    private static final float SHARED_KEY_PENALTY = 0.85f;
    /** Same letters, different generation ("a7s3" vs "a7s4"): probably not the same product. */
    private static final float OTHER_MODEL_NUMBER_PENALTY = 0.6f;
    /** A letter off in a model code ("a7s4" vs "a74") matters more than in a word ("inova" vs "innova"). */
    private static final float MODEL_CODE_EDIT_PENALTY = 0.8f;
    /** Semantic similarity alone never claims more than this: it cannot tell an FX3 from an FX6. */
    private static final float SEMANTIC_CAP = 0.7f;
    private static final float SEMANTIC_MIN_CALIBRATED = 0.6f;

    /** Common chat words never "corrected" into catalog words, whatever the catalog holds. */
    private static final Set<String> COMMON_WORDS = Set.copyOf(List.of(
            "available", "availability", "tomorrow", "today", "tonight", "weekend", "price", "prices", "rent", "rental",
            "rate", "rates", "want", "need", "have", "book", "booking", "with", "without", "what", "when", "where",
            "which", "much", "many", "cost", "does", "there", "their", "this", "that", "these", "those", "also",
            "free", "from", "days", "week", "month", "hour", "hours", "please", "thanks", "hello", "good", "morning",
            "evening", "night", "shoot", "wedding", "video", "photo", "camera", "cameras", "lens", "lenses", "light",
            "lights", "kitna", "kitne", "chahiye", "milega", "milegi", "batao", "abhi", "kal", "parso", "berapa",
            "harga", "mobil", "masih", "ready", "bisa", "kredit", "cicilan", "tahun", "warna", "unit", "stok",
            "deposit", "delivery", "pickup", "return", "cancel", "discount", "offer", "cash", "card", "payment"));

    private record Form(int item, String key, String display, float base) {
    }

    private final long revision;
    private final List<CatalogItem> items;
    private final Map<String, List<Form>> byKey;
    private final List<Form> forms;
    private final int dimensions;
    private final float[] itemVectors;
    private final boolean[] withVector;
    private final FuzzyVocabulary targets;
    private final Set<String> known;

    private TenantCatalogIndex(long revision, List<CatalogItem> items, Map<String, List<Form>> byKey, List<Form> forms,
                               int dimensions, float[] itemVectors, boolean[] withVector, FuzzyVocabulary targets,
                               Set<String> known) {
        this.revision = revision;
        this.items = items;
        this.byKey = byKey;
        this.forms = forms;
        this.dimensions = dimensions;
        this.itemVectors = itemVectors;
        this.withVector = withVector;
        this.targets = targets;
        this.known = known;
    }

    /** The text embedded for an item's semantic match. */
    public static String semanticText(CatalogItem item) {
        StringBuilder text = new StringBuilder(item.name());
        if (!item.aliases().isEmpty()) {
            text.append(" (").append(String.join(", ", item.aliases())).append(')');
        }
        if (!item.category().isBlank()) {
            text.append(", ").append(item.category());
        }
        return text.toString();
    }

    /**
     * @param vectors   unit vectors of {@link #semanticText} by item id (items without one match lexically only)
     * @param knowledge the tenant's knowledge entries, whose titles and keywords join the correction vocabulary
     */
    public static TenantCatalogIndex build(long revision, List<CatalogItem> catalog, Map<String, float[]> vectors,
                                           int dimensions, List<KnowledgeEntry> knowledge) {
        List<CatalogItem> items = List.copyOf(catalog);
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            addForms(i, items.get(i), forms);
        }
        Map<String, Set<Integer>> owners = new HashMap<>();
        forms.forEach(form -> owners.computeIfAbsent(form.key(), k -> new HashSet<>()).add(form.item()));
        Map<String, List<Form>> byKey = new HashMap<>();
        List<Form> ranked = new ArrayList<>();
        for (Form form : forms) {
            Form adjusted = owners.get(form.key()).size() > 1 && form.base() < 1f
                    ? new Form(form.item(), form.key(), form.display(), form.base() * SHARED_KEY_PENALTY) : form;
            byKey.computeIfAbsent(adjusted.key(), k -> new ArrayList<>()).add(adjusted);
            ranked.add(adjusted);
        }

        float[] packed = new float[items.size() * dimensions];
        boolean[] withVector = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            float[] vector = vectors.get(items.get(i).id());
            if (vector != null && vector.length == dimensions) {
                System.arraycopy(vector, 0, packed, i * dimensions, dimensions);
                withVector[i] = true;
            }
        }

        Map<String, Integer> targetWords = new HashMap<>();
        Set<String> known = new HashSet<>(COMMON_WORDS);
        for (CatalogItem item : items) {
            countWords(item.name(), targetWords);
            item.aliases().forEach(alias -> countWords(alias, targetWords));
            countWords(item.category(), targetWords);
            item.attributes().values().forEach(value -> known.addAll(TextAnalysis.words(value)));
        }
        for (KnowledgeEntry entry : knowledge) {
            countWords(entry.title(), targetWords);
            entry.keywords().forEach(keyword -> countWords(keyword, targetWords));
            known.addAll(TextAnalysis.words(entry.content()));
            entry.questions().forEach(question -> known.addAll(TextAnalysis.words(question)));
        }
        targetWords.keySet().removeIf(word -> ProductCodes.hasDigit(word));
        known.addAll(targetWords.keySet());
        return new TenantCatalogIndex(revision, items, byKey, ranked, dimensions, packed, withVector,
                new FuzzyVocabulary(targetWords), known);
    }

    private static void countWords(String text, Map<String, Integer> counts) {
        for (String word : TextAnalysis.words(text)) {
            counts.merge(word, 1, Integer::sum);
        }
    }

    private static void addForms(int index, CatalogItem item, List<Form> forms) {
        addForm(forms, index, item.name(), item.name(), 1f);
        List<String> nameWords = List.of(item.name().strip().split("\\s+"));
        if (nameWords.size() >= 2) {
            // Customers drop the brand: "FX3" for "Sony FX3", "Innova Reborn" for "Toyota Innova Reborn".
            // Added before the aliases so that, for a shared key, the catalog's own spelling is the one shown.
            String withoutBrand = String.join(" ", nameWords.subList(1, nameWords.size()));
            addForm(forms, index, withoutBrand, withoutBrand, 1f);
        }
        for (String alias : item.aliases()) {
            addForm(forms, index, alias, alias, 1f);
        }
        if (nameWords.size() >= 2) {
            for (int end = 2; end < nameWords.size(); end++) {
                String prefix = String.join(" ", nameWords.subList(0, end));
                addForm(forms, index, prefix, item.name(), 0.85f);
                if (end > 2) {
                    String prefixWithoutBrand = String.join(" ", nameWords.subList(1, end));
                    addForm(forms, index, prefixWithoutBrand, item.name(), 0.85f);
                }
            }
            if (nameWords.size() > 2) {
                addForm(forms, index, nameWords.get(1), item.name(), 0.8f);
            }
        }
        List<String> canonical = ProductCodes.canonicalWords(TextAnalysis.words(item.name()));
        for (String word : canonical) {
            // A model code on its own ("r5", "a7s", "fx3") points at the item, and more so after the brand
            // ("canon r5" for "Canon EOS R5"); a bare number does not.
            if (ProductCodes.hasDigit(word) && !word.chars().allMatch(Character::isDigit) && word.length() >= 2) {
                addForm(forms, index, word, item.name(), 0.8f);
                if (canonical.size() > 2 && !canonical.get(0).equals(word)) {
                    addForm(forms, index, canonical.get(0) + " " + word, item.name(), 0.95f);
                }
            }
        }
    }

    private static void addForm(List<Form> forms, int item, String text, String display, float base) {
        String key = ProductCodes.key(text);
        if (key.length() < 2) {
            return;
        }
        for (Form existing : forms) {
            if (existing.item() == item && existing.key().equals(key)) {
                return; // keep the first (strongest) way of writing it
            }
        }
        forms.add(new Form(item, key, display, base));
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return items.size();
    }

    public List<CatalogItem> items() {
        return items;
    }

    /** Items named in {@code text}, most confident first. */
    public List<CatalogMatch> match(String text, float[] queryVector, int k, SemanticCalibration calibration) {
        List<String> words = TextAnalysis.words(text);
        List<String> canonical = ProductCodes.canonicalWords(words);
        Map<Integer, CatalogMatch> best = new HashMap<>();
        for (int n = Math.min(MAX_WINDOW, canonical.size()); n >= 1; n--) {
            for (int start = 0; start + n <= canonical.size(); start++) {
                List<String> window = canonical.subList(start, start + n);
                if (window.stream().allMatch(TextAnalysis::isStopword)) {
                    continue;
                }
                String key = String.join("", window);
                String said = String.join(" ", window);
                if (key.length() < 2) {
                    continue;
                }
                List<Form> exact = byKey.get(key);
                if (exact != null) {
                    for (Form form : exact) {
                        float confidence = form.base() * (key.length() <= 2 ? 0.85f : 1f);
                        offer(best, form.item(), new CatalogMatch(items.get(form.item()), round(confidence), CatalogMatch.Kind.EXACT,
                                said, form.display()));
                    }
                    continue;
                }
                if (key.length() >= 4 && n <= 3) {
                    fuzzy(key, said, best);
                }
            }
        }
        if (queryVector != null && queryVector.length == dimensions) {
            for (int i = 0; i < items.size(); i++) {
                if (!withVector[i]) {
                    continue;
                }
                float calibrated = calibration.calibrate(VectorMath.dot(itemVectors, i * dimensions, queryVector));
                if (calibrated >= SEMANTIC_MIN_CALIBRATED) {
                    offer(best, i, new CatalogMatch(items.get(i), round(SEMANTIC_CAP * calibrated), CatalogMatch.Kind.SEMANTIC,
                            text, items.get(i).name()));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(CatalogMatch::confidence).reversed()
                        .thenComparing(match -> match.kind().ordinal())
                        .thenComparing(match -> match.item().name()))
                .limit(k)
                .toList();
    }

    private void fuzzy(String key, String said, Map<Integer, CatalogMatch> best) {
        int maxDistance = key.length() <= 5 ? 1 : key.length() <= 10 ? 2 : 3;
        for (Form form : forms) {
            if (Math.abs(form.key().length() - key.length()) > maxDistance || form.key().length() < 4) {
                continue;
            }
            int distance = EditDistance.bounded(key, form.key(), maxDistance);
            if (distance > maxDistance) {
                continue;
            }
            float confidence = form.base() * (1f - (float) distance / Math.max(key.length(), form.key().length()));
            if (differentModelNumbers(key, form.key())) {
                confidence *= OTHER_MODEL_NUMBER_PENALTY;
            } else if (distance > 0 && ProductCodes.hasDigit(key) && ProductCodes.hasDigit(form.key())) {
                confidence *= MODEL_CODE_EDIT_PENALTY;
            }
            offer(best, form.item(), new CatalogMatch(items.get(form.item()), round(confidence), CatalogMatch.Kind.FUZZY, said, form.display()));
        }
    }

    private static boolean differentModelNumbers(String a, String b) {
        String digitsA = a.replaceAll("\\D", "");
        String digitsB = b.replaceAll("\\D", "");
        return !digitsA.isEmpty() && !digitsB.isEmpty() && !digitsA.equals(digitsB);
    }

    private static void offer(Map<Integer, CatalogMatch> best, int item, CatalogMatch candidate) {
        best.merge(item, candidate, (current, offered) -> offered.confidence() > current.confidence() ? offered : current);
    }

    /** {@code text} with misspelt words replaced by the closest words of the tenant's vocabulary. */
    public SpellingCorrection correct(String text) {
        if (text == null || text.isBlank()) {
            return SpellingCorrection.unchanged(text == null ? "" : text);
        }
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            spans.add(new int[]{matcher.start(), matcher.end()});
        }
        StringBuilder out = new StringBuilder();
        List<SpellingCorrection.Correction> corrections = new ArrayList<>();
        int copiedUpTo = 0;
        int i = 0;
        while (i < spans.size()) {
            Replacement replacement = replacementAt(text, spans, i);
            if (replacement != null && replacement.text() == null) {
                i += replacement.words(); // a name the catalog knows, written the catalog's way
            } else if (replacement != null) {
                int from = spans.get(i)[0];
                int to = spans.get(i + replacement.words() - 1)[1];
                out.append(text, copiedUpTo, from).append(replacement.text());
                corrections.add(new SpellingCorrection.Correction(text.substring(from, to), replacement.text(),
                        round(replacement.confidence())));
                copiedUpTo = to;
                i += replacement.words();
            } else {
                i++;
            }
        }
        if (corrections.isEmpty()) {
            return SpellingCorrection.unchanged(text);
        }
        out.append(text.substring(copiedUpTo));
        double confidence = corrections.stream().mapToDouble(SpellingCorrection.Correction::confidence).min().orElse(1);
        return new SpellingCorrection(text, out.toString(), confidence, corrections);
    }

    /** @param text {@code null} to keep the words as written */
    private record Replacement(int words, String text, float confidence) {
    }

    private Replacement replacementAt(String text, List<int[]> spans, int i) {
        // Names and model codes first, over up to three words: "fx 3" → "FX3", "sony a7s3" → "Sony A7S III".
        for (int n = Math.min(3, spans.size() - i); n >= 1; n--) {
            List<String> words = new ArrayList<>(n);
            for (int w = i; w < i + n; w++) {
                words.add(TextAnalysis.fold(text.substring(spans.get(w)[0], spans.get(w)[1])));
            }
            String key = ProductCodes.key(words);
            if (n == 1 && !ProductCodes.hasDigit(key)) {
                break;
            }
            Form named = key.length() < 3 ? null : namedExactly(key);
            if (named == null) {
                continue;
            }
            if (TextAnalysis.fold(named.display()).equals(String.join(" ", words))) {
                return new Replacement(n, null, 1f);
            }
            return new Replacement(n, named.display(), 0.95f);
        }
        String word = TextAnalysis.fold(text.substring(spans.get(i)[0], spans.get(i)[1]));
        if (ProductCodes.hasDigit(word)) {
            return modelCodeReplacement(word);
        }
        if (known.contains(word) || TextAnalysis.isStopword(word) || word.length() < FuzzyVocabulary.MIN_LENGTH) {
            return null;
        }
        return targets.closest(word, word.length() <= 6 ? 1 : 2)
                .map(s -> new Replacement(1, s.word(),
                        Math.max(0.3f, 1f - (float) s.distance() / word.length() - (s.ambiguous() ? 0.15f : 0f))))
                .orElse(null);
    }

    /** A form under {@code key} whose display text is itself written that way (a name or alias, not a prefix). */
    private Form namedExactly(String key) {
        List<Form> candidates = byKey.get(key);
        if (candidates == null) {
            return null;
        }
        for (Form form : candidates) {
            if (ProductCodes.key(form.display()).equals(key)) {
                return form;
            }
        }
        return null;
    }

    /** A model code the catalog doesn't know ("a7siv", "fx33"): the closest code, with a telling confidence. */
    private Replacement modelCodeReplacement(String word) {
        String key = ProductCodes.key(List.of(word));
        if (byKey.containsKey(key) || key.length() < 3) {
            return null;
        }
        Form closest = null;
        int closestDistance = 2;
        for (Form form : forms) {
            if (!ProductCodes.hasDigit(form.key()) || form.key().contains(" ")) {
                continue;
            }
            int distance = EditDistance.bounded(key, form.key(), 1);
            if (distance < closestDistance) {
                closest = form;
                closestDistance = distance;
            }
        }
        if (closest == null) {
            return null;
        }
        float confidence = 1f - (float) closestDistance / Math.max(key.length(), closest.key().length());
        if (differentModelNumbers(key, closest.key())) {
            confidence *= OTHER_MODEL_NUMBER_PENALTY;
        }
        String display = ProductCodes.key(closest.display()).equals(closest.key()) ? closest.display() : closest.key().toUpperCase(java.util.Locale.ROOT);
        return new Replacement(1, display, confidence);
    }

    private static float round(float value) {
        return Math.round(value * 1000) / 1000f;
    }
}
