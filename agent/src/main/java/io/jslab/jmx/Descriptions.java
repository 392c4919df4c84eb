package io.jslab.jmx;

import java.util.Map;
import javax.management.MBeanOperationInfo;

/**
 * The texts JConsole shows for an MBean, its attributes and its operations, and each operation's
 * impact. Every attribute and operation must have one: a missing text is a programming error.
 */
record Descriptions(String bean, Map<String, String> features, Map<String, Integer> impacts) {

    String of(String feature) {
        String text = features.get(feature);
        assert text != null : "no description for " + feature + " of " + bean;
        return text == null ? feature : text;
    }

    /** {@link MBeanOperationInfo#INFO} unless the operation is listed as changing something. */
    int impactOf(String operation) {
        return impacts.getOrDefault(operation, MBeanOperationInfo.INFO);
    }
}
