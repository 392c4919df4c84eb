package io.jslab.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.jfr.EventType;
import jdk.jfr.Timespan;
import org.junit.jupiter.api.Test;

class JfrEventsTest {

    @Test
    void lifetimesBecomeNanosecondsAndNoLifetimeIsNotApplicable() {
        assertEquals(1_500_000L, JfrEvents.nanos(1.5));
        assertEquals(0L, JfrEvents.nanos(0.0));
        assertEquals(Long.MIN_VALUE, JfrEvents.nanos(Double.NaN));
    }

    @Test
    void theEventIsNamedCategorisedAndOnEverySecondByDefault() {
        EventType type = EventType.getEventType(SlabCacheEvent.class);
        assertEquals("io.jslab.SlabCache", type.getName());
        assertEquals(java.util.List.of("jslab"), type.getCategoryNames());
        assertEquals("true", setting(type, "enabled"));
        // The period setting exists only once registered as periodic: read the annotation.
        assertEquals("1 s", SlabCacheEvent.class.getAnnotation(jdk.jfr.Period.class).value());
        assertEquals(Timespan.NANOSECONDS, type.getField("medianLifetime").getAnnotation(Timespan.class).value());
        assertEquals(20, type.getFields().stream().filter(f -> !f.getName().equals("startTime")
                && !f.getName().equals("eventThread") && !f.getName().equals("duration")
                && !f.getName().equals("stackTrace")).count(), "the 20 columns of the SlabCache MBean but shrink");
    }

    private static String setting(EventType type, String name) {
        return type.getSettingDescriptors().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow().getDefaultValue();
    }
}
