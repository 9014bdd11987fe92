package dev.waagent.backoffice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A realistic rental-shop knowledge base of any size, generated from templates (what an import file holds). */
public final class RealisticKnowledgeBase {

    private static final String[] GEAR = {"Sony FX3", "Sony A7S III", "Canon R5", "DJI RS 3 gimbal", "Aputure 300d light",
            "Sigma 24-70mm lens", "Rode NTG microphone", "Atomos Ninja monitor", "Manfrotto tripod", "DJI Mavic 3 drone"};
    private static final String[][] TOPICS = {
            {"Rental price of the %s", "The %s rents for a fixed rate per 24 hours; weekly rates are cheaper.",
                    "how much is the %s per day|%s rent kitna hai|price of %s for a week"},
            {"Deposit for the %s", "A refundable security deposit is taken for the %s at pick-up, returned on inspection.",
                    "what deposit for the %s|%s ka deposit kitna|is the deposit refundable"},
            {"Availability of the %s", "Check availability of the %s by date; bookings are confirmed on advance payment.",
                    "is the %s available tomorrow|%s free this weekend|can I book the %s"},
            {"Damage policy for the %s", "Accidental damage to the %s is charged at repair cost; insurance is optional.",
                    "what if I damage the %s|%s toot gaya to|insurance for %s"},
            {"Delivery of the %s", "We deliver the %s within city limits for a fee; pick-up from the store is free.",
                    "can you deliver the %s|%s delivery charges|home delivery of %s"}};

    private RealisticKnowledgeBase() {
    }

    public static List<Map<String, Object>> entries(int count) {
        Random random = new Random(count);
        List<Map<String, Object>> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String gear = GEAR[i % GEAR.length] + (i >= GEAR.length * TOPICS.length ? " kit " + (i / (GEAR.length * TOPICS.length)) : "");
            String[] topic = TOPICS[(i / GEAR.length) % TOPICS.length];
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", topic[0].formatted(gear));
            entry.put("content", topic[1].formatted(gear));
            List<String> questions = new ArrayList<>();
            for (String question : topic[2].split("\\|")) {
                questions.add(question.formatted(gear, gear, gear));
            }
            entry.put("questions", questions);
            entry.put("category", topic[0].split(" ")[0].toLowerCase());
            entry.put("keywords", List.of(gear.split(" ")[1].toLowerCase()));
            entry.put("priority", random.nextInt(10));
            entries.add(entry);
        }
        return entries;
    }
}
