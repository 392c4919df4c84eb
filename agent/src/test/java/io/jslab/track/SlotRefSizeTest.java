package io.jslab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The records' real heap size, read from the bytes this thread allocates while it makes many of
 * them ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}, which counts the current TLAB's used
 * part too): 32 and 40 bytes with compressed class pointers and compressed oops and without compact
 * object headers, the layout {@link SlotRef} assumes. Other layouts are skipped.
 */
class SlotRefSizeTest {

    private static final int RECORDS = 100_000;
    private static final Object REFERENT = new Object();

    @Test
    void compactRecordTakes40BytesAndWideRecord48() {
        assumeTrue(vmOption("UseCompressedOops", "true"), "compressed oops");
        assumeTrue(vmOption("UseCompressedClassPointers", "true"), "compressed class pointers");
        assumeTrue(!vmOption("UseCompactObjectHeaders", "true"), "12-byte object headers");
        assumeTrue(vmOption("ObjectAlignmentInBytes", "8"), "8-byte object alignment");
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "a ThreadMXBean that counts allocated bytes");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;

        assertEquals(40, bytesPerRecord(counter, address -> new SlotRef.Compact(REFERENT, address, 1, 0)));
        assertEquals(48, bytesPerRecord(counter, address -> new SlotRef.Wide(REFERENT, address, 1, 0)));
    }

    /** Bytes allocated per record, rounded down: what the loop itself adds is far below one byte a record. */
    private static long bytesPerRecord(com.sun.management.ThreadMXBean counter, LongFunction<SlotRef> make) {
        SlotRef[] kept = new SlotRef[RECORDS];       // kept, so that no record is optimized away
        for (int i = 0; i < 1000; i++) {             // links the VarHandles and the classes first
            make.apply(8L * i).take();
        }
        long before = counter.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < RECORDS; i++) {
            kept[i] = make.apply(8L * i);
        }
        long allocated = counter.getCurrentThreadAllocatedBytes() - before;
        assertEquals(8L * (RECORDS - 1), kept[RECORDS - 1].take());
        return allocated / RECORDS;
    }

    private static boolean vmOption(String name, String value) {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && hotspot.getVMOption(name).getValue().equals(value);
        } catch (IllegalArgumentException e) {
            return false; // not an option of this JVM (compact headers before JDK 24)
        }
    }
}
