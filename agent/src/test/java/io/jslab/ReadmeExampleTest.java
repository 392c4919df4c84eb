package io.jslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.arena.ArenaConfig;
import io.jslab.arena.BuddyArena;
import io.jslab.slab.SlabAllocator;
import io.jslab.slab.SlabCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's example of the direct allocator API, line for line, and the output the README
 * shows for it: both are read from README.md, so a change to one without the other fails here.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "io", "jslab", "ReadmeExampleTest.java");
    private static final String EXAMPLE_START = "try (SlabAllocator slabs";

    @Test
    void theReadmeExampleRunsAndPrintsWhatTheReadmeShows() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        // --- README example begins ---
        try (SlabAllocator slabs = new SlabAllocator(new BuddyArena(ArenaConfig.DEFAULT), 1)) {
            SlabCache dentries = slabs.createCache("dentry", 192, true); // 192-byte slots, 64-byte aligned
            long[] slots = new long[100];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = dentries.allocate();        // an arena address, or SlabCache.NO_MEMORY
                slabs.arena().putLong(slots[i] + 8, i); // the first 8 bytes hold jslab's slot record
            }
            dentries.free(slots[99]);
            long buffer = slabs.kmalloc(100);           // from kmalloc-128, made on first use
            out.print(slabs.slabinfo());
            out.print(slabs.buddyinfo());
            slabs.kfree(buffer);
        }
        // --- README example ends ---

        String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertEquals(readmeOutput(readme), printed.toString(StandardCharsets.UTF_8));
        assertEquals(readmeCode(readme), exampleInThisFile());
    }

    /** The plain block after the Java block that opens the example: what the README says it prints. */
    private static String readmeOutput(String readme) {
        int example = readme.indexOf(EXAMPLE_START);
        assertTrue(example >= 0, "README.md has no example starting with " + EXAMPLE_START);
        int open = readme.indexOf("```\n", readme.indexOf("```\n", example) + 4);
        int close = readme.indexOf("```\n", open + 4);
        assertTrue(open > example && close > open, "README.md shows no output after the example");
        return readme.substring(open + 4, close);
    }

    /** The README's example from its {@code try} to its closing fence, as the README prints it. */
    private static String readmeCode(String readme) {
        int example = readme.indexOf(EXAMPLE_START);
        return readme.substring(example, readme.indexOf("```\n", example));
    }

    /** The lines between the markers above, unindented, printing to System.out as the README does. */
    private static String exampleInThisFile() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int begin = lines.indexOf("        // --- README example begins ---");
        int end = lines.indexOf("        // --- README example ends ---");
        assertTrue(begin >= 0 && end > begin, "markers missing in " + SOURCE);
        StringBuilder code = new StringBuilder();
        for (String line : lines.subList(begin + 1, end)) {
            code.append(line.substring(8).replace("out.print(", "System.out.print(")).append('\n');
        }
        return code.toString();
    }
}
