package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void registersTheFourMBeansAndUnregistersEverythingOnClose() throws Exception {
        try (SlabAllocator allocator = allocator()) {
            allocator.createCache("before", 24, false);
            AutoCloseable registration = JmxRegistration.register(allocator, FixedAgentView.sample());
            allocator.createCache("after", 24, false);
            assertEquals(Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo", "io.jslab:type=BuddyArena",
                    "io.jslab:type=SlabCache,name=before", "io.jslab:type=SlabCache,name=after"), names());
            registration.close();
            assertEquals(Set.of(), names());
            registration.close();
            allocator.createCache("after-close", 24, false);
            assertEquals(Set.of(), names());
        }
    }

    @Test
    void aCachesMBeanIsThereAsSoonAsTheCacheIsCreated() throws Exception {
        try (JmxFixture fixture = new JmxFixture()) {
            fixture.allocator.createCache("com.acme.Order", 24, false);
            assertTrue(server.isRegistered(JmxFixture.cacheName("com.acme.Order")));
            fixture.allocator.kmalloc(100);
            assertTrue(server.isRegistered(JmxFixture.cacheName("kmalloc-128")));
        }
    }

    @Test
    void namesThatObjectNamesCannotHoldAreQuoted() throws Exception {
        try (JmxFixture fixture = new JmxFixture()) {
            for (String name : new String[] {"a,b", "a=b", "a:b", "a\"b", "a*b", "a?b", "com.acme.Outer$Node"}) {
                fixture.allocator.createCache(name, 24, false);
            }
            Set<String> registered = names().stream().filter(n -> n.contains("SlabCache")).collect(Collectors.toSet());
            assertEquals(Set.of(
                    "io.jslab:type=SlabCache,name=\"a,b\"",
                    "io.jslab:type=SlabCache,name=\"a=b\"",
                    "io.jslab:type=SlabCache,name=\"a:b\"",
                    "io.jslab:type=SlabCache,name=\"a\\\"b\"",
                    "io.jslab:type=SlabCache,name=\"a\\*b\"",
                    "io.jslab:type=SlabCache,name=\"a\\?b\"",
                    "io.jslab:type=SlabCache,name=com.acme.Outer$Node"), registered);
            for (String name : registered) {
                ObjectName objectName = new ObjectName(name);
                String raw = objectName.getKeyProperty("name").startsWith("\"")
                        ? ObjectName.unquote(objectName.getKeyProperty("name")) : objectName.getKeyProperty("name");
                assertEquals(raw, server.getAttribute(objectName, "Name"));
            }
        }
    }

    /**
     * A second jslab instance in the same JVM (another class loader, another allocator) neither
     * fails nor hides the first: it registers under instance=2, and each closes only its own.
     */
    @Test
    void aSecondInstanceRegistersBesideTheFirst() throws Exception {
        try (SlabAllocator first = allocator(); SlabAllocator second = allocator()) {
            first.createCache("shared-name", 24, false);
            second.createCache("shared-name", 24, false);
            AutoCloseable one = JmxRegistration.register(first, FixedAgentView.sample());
            AutoCloseable two = JmxRegistration.register(second, FixedAgentView.sample());
            Set<String> firstNames = Set.of("io.jslab:type=Agent", "io.jslab:type=SlabInfo",
                    "io.jslab:type=BuddyArena", "io.jslab:type=SlabCache,name=shared-name");
            Set<String> secondNames = Set.of("io.jslab:type=Agent,instance=2", "io.jslab:type=SlabInfo,instance=2",
                    "io.jslab:type=BuddyArena,instance=2", "io.jslab:type=SlabCache,name=shared-name,instance=2");
            Set<String> both = new TreeSet<>(firstNames);
            both.addAll(secondNames);
            assertEquals(both, names());

            first.cache("shared-name").allocate();
            assertEquals(1L, server.getAttribute(new ObjectName("io.jslab:type=SlabCache,name=shared-name"),
                    "ActiveObjects"));
            assertEquals(0L, server.getAttribute(
                    new ObjectName("io.jslab:type=SlabCache,name=shared-name,instance=2"), "ActiveObjects"));

            one.close();
            assertEquals(secondNames, names());
            two.close();
            assertEquals(Set.of(), names());
        }
    }

    @Test
    void anMBeanUnregisteredBehindItsBackDoesNotFailClose() throws Exception {
        try (SlabAllocator allocator = allocator()) {
            AutoCloseable registration = JmxRegistration.register(allocator, FixedAgentView.sample());
            server.unregisterMBean(new ObjectName("io.jslab:type=SlabInfo"));
            registration.close();
            assertFalse(server.isRegistered(new ObjectName("io.jslab:type=Agent")));
            assertEquals(Set.of(), names());
        }
    }

    private static SlabAllocator allocator() {
        return new SlabAllocator(new BuddyArena(new ArenaConfig(4096, 4, 2L * 16 * 4096)), 1);
    }

    private Set<String> names() throws Exception {
        return JmxFixture.jslabNames(server).stream().map(ObjectName::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
