package dev.waagent.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** The capacity units a response reports (0 when it reports none). */
final class Capacity {

    private Capacity() {
    }

    static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }
}
