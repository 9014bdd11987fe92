package dev.waagent.domain.reply;

/**
 * One thing Meta would refuse in a reply.
 *
 * @param path   where, in the request's terms ({@code interactive.action.buttons[1].reply.title})
 * @param rule   what is wrong ({@code max_length}, {@code required}, {@code unique}, {@code count}, {@code format})
 * @param detail a sentence safe to log: limits and sizes, never the customer's or model's text
 */
public record LimitViolation(String path, String rule, String detail) {

    @Override
    public String toString() {
        return path + ": " + detail;
    }
}
