package io.jslab.cli;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * jslab's MBeans (SPEC section 6) in a target JVM. Opening checks, in order, that the agent is
 * loaded (its {@code io.jslab.agent.version} system property) and that it publishes over JMX
 * (not started with {@code jmx=false}), so each case gets its own message.
 */
final class JslabMBeans {

    static final String VERSION_PROPERTY = "io.jslab.agent.version";
    static final ObjectName SLAB_INFO = name("io.jslab:type=SlabInfo");
    static final ObjectName BUDDY_ARENA = name("io.jslab:type=BuddyArena");
    static final ObjectName SLAB_CACHES = name("io.jslab:type=SlabCache,*");
    static final ObjectName AGENT = name("io.jslab:type=Agent");

    private final TargetJvm jvm;
    private final MBeanServerConnection server;

    private JslabMBeans(TargetJvm jvm, MBeanServerConnection server) {
        this.jvm = jvm;
        this.server = server;
    }

    static JslabMBeans open(TargetJvm jvm) {
        String version = jvm.systemProperties().getProperty(VERSION_PROPERTY);
        if (version == null) {
            throw new CliException(notLoaded(jvm.pid()));
        }
        JslabMBeans beans = new JslabMBeans(jvm, jvm.jmx());
        try {
            if (!beans.server.isRegistered(SLAB_INFO)) {
                throw new CliException("jslab " + version + " runs in JVM " + jvm.pid()
                        + " with jmx=false: it publishes no statistics to read");
            }
        } catch (IOException e) {
            throw jvm.lost("reading its MBeans", e);
        }
        return beans;
    }

    static String notLoaded(long pid) {
        return "jslab is not loaded in JVM " + pid + ": attach it first with"
                + " 'java -jar jslab-agent.jar attach " + pid + "'";
    }

    String slabinfo() {
        return (String) invoke(SLAB_INFO, "slabinfo");
    }

    String buddyinfo() {
        return (String) invoke(BUDDY_ARENA, "buddyinfo");
    }

    /**
     * The caches whose active_objs is an estimate, by name, with the half-width of its 95%
     * interval (the SlabCache MBeans' {@code Exact} and {@code ActiveObjectsError}). A cache that
     * goes away between the query and the read is left out.
     */
    Map<String, Long> estimateErrors() {
        Map<String, Long> errors = new HashMap<>();
        try {
            for (ObjectName cache : server.queryNames(SLAB_CACHES, null)) {
                AttributeList values;
                try {
                    values = server.getAttributes(cache, new String[] {"Name", "Exact", "ActiveObjectsError"});
                } catch (InstanceNotFoundException gone) {
                    continue;
                }
                Map<String, Object> byName = new HashMap<>();
                for (Attribute a : values.asList()) {
                    byName.put(a.getName(), a.getValue());
                }
                if (Boolean.FALSE.equals(byName.get("Exact")) && byName.get("Name") instanceof String name
                        && byName.get("ActiveObjectsError") instanceof Number error) {
                    errors.put(name, error.longValue());
                }
            }
        } catch (JMException | IOException | RuntimeException e) {
            throw jvm.lost("reading the SlabCache MBeans", e);
        }
        return errors;
    }

    long pageSize() {
        try {
            return ((Number) server.getAttribute(BUDDY_ARENA, "PageSize")).longValue();
        } catch (JMException | IOException | RuntimeException e) {
            throw jvm.lost("reading BuddyArena.PageSize", e);
        }
    }

    /** jslab's own cost, or null from an agent too old to publish it. */
    OwnCostLine ownCost() {
        try {
            List<Attribute> read = server.getAttributes(AGENT, OwnCostLine.ATTRIBUTES).asList();
            if (read.size() != OwnCostLine.ATTRIBUTES.length) {
                return null;
            }
            return new OwnCostLine(number(read, 0).longValue(), number(read, 1).longValue(),
                    number(read, 2).longValue(), number(read, 3).doubleValue(), number(read, 4).longValue());
        } catch (JMException | RuntimeException e) {
            return null;
        } catch (IOException e) {
            throw jvm.lost("reading the Agent MBean", e);
        }
    }

    private static Number number(List<Attribute> read, int index) {
        return (Number) read.get(index).getValue();
    }

    /**
     * Each cache's figures, by cache name: those of {@code attributes} its MBean has, as numbers.
     * An attribute a cache lacks ({@code ActiveObjectsError} before tracking estimates) is absent.
     */
    java.util.Map<String, java.util.Map<String, Double>> cacheFigures(java.util.List<String> attributes) {
        java.util.Map<String, java.util.Map<String, Double>> caches = new java.util.TreeMap<>();
        try {
            for (ObjectName bean : server.queryNames(name("io.jslab:type=SlabCache,*"), null)) {
                java.util.List<String> asked = new java.util.ArrayList<>(attributes);
                asked.add("Name");
                java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();
                String cache = null;
                for (javax.management.Attribute a : server.getAttributes(bean, asked.toArray(new String[0])).asList()) {
                    if (a.getName().equals("Name")) {
                        cache = (String) a.getValue();
                    } else if (a.getValue() instanceof Number n) {
                        figures.put(a.getName(), n.doubleValue());
                    }
                }
                if (cache != null) {
                    caches.put(cache, figures);
                }
            }
        } catch (JMException | IOException | RuntimeException e) {
            throw jvm.lost("reading the SlabCache MBeans", e);
        }
        return caches;
    }

    long freePages() {
        try {
            return ((Number) server.getAttribute(BUDDY_ARENA, "FreePages")).longValue();
        } catch (JMException | IOException | RuntimeException e) {
            throw jvm.lost("reading BuddyArena.FreePages", e);
        }
    }

    private Object invoke(ObjectName bean, String operation) {
        try {
            return server.invoke(bean, operation, new Object[0], new String[0]);
        } catch (JMException | IOException | RuntimeException e) {
            throw jvm.lost("calling " + operation + "()", e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
