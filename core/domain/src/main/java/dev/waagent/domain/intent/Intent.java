package dev.waagent.domain.intent;

/** What a customer wants from a message. A message may carry several, in order. */
public enum Intent {
    /** Hello, good morning, thanks: social openers and closers. */
    GREETING,
    /** Is an item in stock or free on a date. */
    AVAILABILITY,
    /** Prices, rates, deposits, discounts, instalments. */
    PRICING,
    /** Book, reserve, extend or cancel a rental; schedule a test drive or a visit. */
    BOOKING,
    /** Something went wrong and the customer is unhappy. */
    COMPLAINT,
    /** The customer wants a person. */
    HUMAN_REQUEST,
    /** The state of an existing booking, payment, refund or paperwork. */
    ORDER_STATUS,
    /** Anything else about the business: hours, address, documents, conditions. */
    GENERAL_QUESTION,
    /** Not about the business at all. */
    OUT_OF_SCOPE
}
