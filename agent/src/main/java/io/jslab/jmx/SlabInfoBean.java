package io.jslab.jmx;

import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import io.jslab.slab.SlabCacheStats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfoSupport;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.jslab:type=SlabInfo}: the whole {@code /proc/slabinfo} as a table, its text, a global
 * shrink, and the notifications.
 *
 * <p>An open MBean rather than an MXBean: in an MXBean interface a {@code TabularData} getter is
 * mapped as a bean and reaches clients as {@code CompositeData}; declared here with its
 * {@code TabularType}, {@code Caches} reaches JConsole and any client as a real table.
 */
final class SlabInfoBean extends NotificationBroadcasterSupport implements DynamicMBean {

    static final Descriptions DESCRIPTIONS =
            new Descriptions("SlabInfo", Map.of("shrink", MBeanOperationInfo.ACTION));

    /** The numeric attributes: slabtop's summary lines, chartable in JConsole. */
    private static final Map<String, Function<SlabTotals, Object>> TOTALS = totals();

    private static final MBeanInfo INFO = info();

    private final SlabAllocator allocator;
    private final ObjectName name;
    private final AtomicLong sequence = new AtomicLong();

    /** Notifications go out on {@code executor}, never on the allocating thread. */
    SlabInfoBean(SlabAllocator allocator, ObjectName name, Executor executor) {
        super(executor, SlabNotifications.INFO);
        this.allocator = allocator;
        this.name = name;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        return read(attribute, snapshot());
    }

    /** One stats snapshot per cache, in creation order: time in proportion to the caches. */
    private List<SlabCacheStats> snapshot() {
        List<SlabCache> caches = allocator.caches();
        List<SlabCacheStats> stats = new ArrayList<>(caches.size());
        for (SlabCache cache : caches) {
            stats.add(cache.stats());
        }
        return stats;
    }

    private static Object read(String attribute, List<SlabCacheStats> snapshot) throws AttributeNotFoundException {
        if ("Caches".equals(attribute)) {
            return CachesTable.of(snapshot);
        }
        Function<SlabTotals, Object> total = TOTALS.get(attribute);
        if (total == null) {
            throw new AttributeNotFoundException("no attribute " + attribute + "; SlabInfo has Caches and "
                    + String.join(", ", TOTALS.keySet()));
        }
        return total.apply(SlabTotals.of(snapshot));
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("SlabInfo attributes are read-only: " + attribute.getName());
    }

    /** JConsole reads every attribute at once: one snapshot serves them all, consistently. */
    @Override
    public AttributeList getAttributes(String[] attributes) {
        List<SlabCacheStats> snapshot = snapshot();
        AttributeList list = new AttributeList();
        for (String attribute : attributes) {
            try {
                list.add(new Attribute(attribute, read(attribute, snapshot)));
            } catch (AttributeNotFoundException e) {
                // JMX semantics: an unknown name is left out of the list.
            }
        }
        return list;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException {
        boolean noArguments = (params == null || params.length == 0)
                && (signature == null || signature.length == 0);
        if (noArguments && "slabinfo".equals(operation)) {
            return allocator.slabinfo();
        }
        if (noArguments && "shrink".equals(operation)) {
            return allocator.shrink();
        }
        throw new ReflectionException(new NoSuchMethodException(operation),
                "no operation " + operation + " with these arguments; SlabInfo has slabinfo() and shrink()");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return INFO;
    }

    void cacheCreated(String cacheName) {
        sendNotification(SlabNotifications.cacheCreated(name, sequence.incrementAndGet(), cacheName));
    }

    void arenaGrown(int chunks) {
        sendNotification(SlabNotifications.arenaGrown(name, sequence.incrementAndGet(), chunks));
    }

    void allocationFailed(String cacheName, long failures, long suppressed) {
        sendNotification(SlabNotifications.allocationFailed(name, sequence.incrementAndGet(), cacheName,
                failures, suppressed));
    }

    private static Map<String, Function<SlabTotals, Object>> totals() {
        Map<String, Function<SlabTotals, Object>> totals = new LinkedHashMap<>();
        totals.put("NumCaches", SlabTotals::numCaches);
        totals.put("ActiveCaches", SlabTotals::activeCaches);
        totals.put("ActiveObjects", SlabTotals::activeObjects);
        totals.put("NumObjects", SlabTotals::numObjects);
        totals.put("ActiveSlabs", SlabTotals::activeSlabs);
        totals.put("NumSlabs", SlabTotals::numSlabs);
        totals.put("ActiveSize", SlabTotals::activeSize);
        totals.put("TotalSize", SlabTotals::totalSize);
        totals.put("MemoryBytes", SlabTotals::memoryBytes);
        return Collections.unmodifiableMap(totals);
    }

    private static MBeanInfo info() {
        List<OpenMBeanAttributeInfoSupport> attributes = new ArrayList<>();
        attributes.add(new OpenMBeanAttributeInfoSupport("Caches", DESCRIPTIONS.of("Caches"),
                CachesTable.TYPE, true, false, false));
        for (String name : TOTALS.keySet()) {
            SimpleType<?> type = name.endsWith("Caches") ? SimpleType.INTEGER : SimpleType.LONG;
            attributes.add(new OpenMBeanAttributeInfoSupport(name, DESCRIPTIONS.of(name), type, true, false, false));
        }
        return new OpenMBeanInfoSupport(SlabInfoBean.class.getName(), DESCRIPTIONS.bean(),
                attributes.toArray(new OpenMBeanAttributeInfoSupport[0]),
                new OpenMBeanConstructorInfoSupport[0],
                new OpenMBeanOperationInfoSupport[] {
                    new OpenMBeanOperationInfoSupport("slabinfo", DESCRIPTIONS.of("slabinfo()"),
                            new OpenMBeanParameterInfoSupport[0], SimpleType.STRING, DESCRIPTIONS.impactOf("slabinfo")),
                    new OpenMBeanOperationInfoSupport("shrink", DESCRIPTIONS.of("shrink()"),
                            new OpenMBeanParameterInfoSupport[0], SimpleType.LONG, DESCRIPTIONS.impactOf("shrink")),
                },
                SlabNotifications.INFO);
    }
}
