package io.jslab.jmx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanOperationInfo;

/**
 * The texts JConsole shows for an MBean, its attributes and its operations (from
 * {@code descriptions.properties} beside this class), and each operation's impact. Every
 * attribute and operation must have a text: a missing one is a programming error.
 */
final class Descriptions {

    private static final Properties TEXTS = load();

    private final String type;
    private final Map<String, Integer> impacts;

    /** The texts of MBean type {@code type}; operations not in {@code impacts} are INFO. */
    Descriptions(String type, Map<String, Integer> impacts) {
        this.type = type;
        this.impacts = new HashMap<>(impacts);
        assert TEXTS.containsKey(type) : "no description for MBean type " + type;
    }

    String bean() {
        return TEXTS.getProperty(type, type);
    }

    /** {@code feature} is an attribute name, or an operation name followed by {@code ()}. */
    String of(String feature) {
        String text = TEXTS.getProperty(type + "." + feature);
        assert text != null : "no description for " + type + "." + feature;
        return text == null ? feature : text;
    }

    int impactOf(String operation) {
        return impacts.getOrDefault(operation, MBeanOperationInfo.INFO);
    }

    private static Properties load() {
        Properties texts = new Properties();
        try (InputStream in = Descriptions.class.getResourceAsStream("descriptions.properties")) {
            if (in == null) {
                throw new IllegalStateException("descriptions.properties is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
