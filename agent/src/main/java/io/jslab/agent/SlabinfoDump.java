package io.jslab.agent;

import io.jslab.slab.SlabAllocator;
import io.jslab.track.ObjectTracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code dump=}: the slabinfo text at JVM exit, written from a shutdown hook to a file or to
 * {@code stdout} / {@code stderr}. The tracker is closed first, so the text does not change while
 * it is made; objects reclaimed after the reclaimer's last sweep still hold their slots in it.
 * A file that cannot be written is reported in one line on stderr, whatever {@code verbose} says:
 * the user asked for the file and would otherwise look for it in vain.
 */
final class SlabinfoDump {

    private SlabinfoDump() {}

    static void write(String target, ObjectTracker tracker, SlabAllocator allocator) {
        String text;
        try {
            tracker.close();
            text = allocator.slabinfo();
            text = text.isEmpty() || text.endsWith("\n") ? text : text + System.lineSeparator();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("jslab: dump=" + target + ": the slabinfo text cannot be made: " + AgentStatus.describe(e));
            return;
        }
        switch (target) {
            case "stdout" -> print(System.out, text);
            case "stderr" -> print(System.err, text);
            default -> {
                try {
                    Files.writeString(Path.of(target), text, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    System.err.println("jslab: dump=" + target + " cannot be written: " + AgentStatus.describe(e));
                }
            }
        }
    }

    private static void print(PrintStream out, String text) {
        out.print(text);
        out.flush();
    }
}
