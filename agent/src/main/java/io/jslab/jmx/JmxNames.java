package io.jslab.jmx;

import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The object names of one jslab instance in domain {@code io.jslab} (SPEC section 6).
 *
 * <p>The first instance in a JVM takes the names the SPEC gives. A second one (another jslab jar
 * loaded through another class loader, say) must neither fail nor hide the first, so its names
 * carry one more key, {@code instance=2}, and so on; tools that look for the plain names keep
 * reading the first instance.
 */
final class JmxNames {

    static final String DOMAIN = "io.jslab";

    /** More instances than this in one JVM is a leak, not a use. */
    private static final int MAX_INSTANCES = 100;

    private final String suffix;

    private JmxNames(int instance) {
        this.suffix = instance == 1 ? "" : ",instance=" + instance;
    }

    /** The names of the first instance whose fixed names are all free in {@code server}. */
    static JmxNames firstFree(MBeanServer server) {
        for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
            JmxNames names = new JmxNames(instance);
            if (!server.isRegistered(names.agent()) && !server.isRegistered(names.slabInfo())
                    && !server.isRegistered(names.buddyArena())) {
                return names;
            }
        }
        throw new IllegalStateException("jslab: " + MAX_INSTANCES
                + " instances already registered under " + DOMAIN + ":*; unregister one first");
    }

    ObjectName slabInfo() {
        return name("type=SlabInfo");
    }

    ObjectName buddyArena() {
        return name("type=BuddyArena");
    }

    ObjectName agent() {
        return name("type=Agent");
    }

    ObjectName slabCache(String cacheName) {
        return name("type=SlabCache,name=" + value(cacheName));
    }

    /**
     * {@code raw} as an ObjectName value: unchanged when it is a legal unquoted value that is not a
     * pattern, quoted with {@link ObjectName#quote} otherwise, so that the common names
     * ({@code com.acme.Order}, {@code com.acme.Outer$Node}, {@code kmalloc-64}) read as they are.
     */
    static String value(String raw) {
        if (raw.isEmpty()) {
            return ObjectName.quote(raw);
        }
        for (int i = 0; i < raw.length(); i++) {
            switch (raw.charAt(i)) {
                case ',', '=', ':', '"', '*', '?', '\n' -> {
                    return ObjectName.quote(raw);
                }
                default -> { }
            }
        }
        return raw;
    }

    private ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties + suffix);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("jslab: cannot name an MBean " + properties, e);
        }
    }
}
