package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TopLoopTest {

    /** A screen that records each frame and answers readKey from a script. */
    static final class ScriptedScreen implements TopScreen {
        final int height;
        final Deque<Integer> keys;
        final List<List<String>> frames = new ArrayList<>();
        final List<Integer> highlighted = new ArrayList<>();
        final List<Long> waits = new ArrayList<>();

        ScriptedScreen(int height, Integer... keys) {
            this.height = height;
            this.keys = new ArrayDeque<>(List.of(keys));
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void show(List<String> lines, int highlight) {
            frames.add(lines);
            highlighted.add(highlight);
        }

        @Override
        public int readKey(long timeoutMillis) {
            waits.add(timeoutMillis);
            return keys.isEmpty() ? END : keys.poll();
        }

        List<String> names(int frame) {
            List<String> lines = frames.get(frame);
            return lines.subList(SlabtopText.HEADER_LINES, lines.size()).stream()
                    .map(line -> line.substring(55).strip()).toList();
        }
    }

    private final AtomicInteger reads = new AtomicInteger();

    private TopLoop loop(ScriptedScreen screen) {
        return new TopLoop(() -> {
            reads.incrementAndGet();
            return SlabinfoFixture.caches();
        }, screen, SortKey.DEFAULT, 3000);
    }

    @Test
    void qQuitsAfterTheFirstScreen() {
        ScriptedScreen screen = new ScriptedScreen(40, (int) 'q');

        loop(screen).run();

        assertEquals(1, screen.frames.size());
        assertEquals(1, reads.get());
        assertEquals(List.of(3000L), screen.waits);
        assertEquals(List.of(6), screen.highlighted, "the heading, line 7, is in reverse video");
    }

    @Test
    void jslabsOwnCostTakesTheBlankLineUnderTheSummary() {
        ScriptedScreen screen = new ScriptedScreen(40, (int) 'q');
        OwnCostLine cost = new OwnCostLine(1234, 36_864, 4L << 20, 2500.4, -1);

        new TopLoop(SlabinfoFixture::caches, () -> cost, screen, SortKey.DEFAULT, 3000).run();

        List<String> frame = screen.frames.get(0);
        assertEquals(" jslab CPU / Records / Arena / Rate : 1.23s / 36.00K / 4096.00K / 2500/s (no budget)",
                frame.get(5));
        assertEquals(SlabtopText.HEADING, frame.get(6));
        assertEquals("", loopFrame(0).get(5), "without a cost, slabtop's blank line");
    }

    private List<String> loopFrame(int frame) {
        ScriptedScreen screen = new ScriptedScreen(40, (int) 'q');
        loop(screen).run();
        return screen.frames.get(frame);
    }

    @Test
    void aBudgetIsShownAgainstTheWatchedRate() {
        assertEquals(" jslab CPU / Records / Arena / Rate : n/a / 0.00K / 0.00K / 0/s (budget 50000/s)",
                new OwnCostLine(-1, 0, 0, 0.0, 50_000).text());
    }

    @Test
    void timeoutsRefreshWithFreshFiguresUntilQuit() {
        ScriptedScreen screen = new ScriptedScreen(40, TopScreen.NO_KEY, TopScreen.NO_KEY, (int) 'Q');

        loop(screen).run();

        assertEquals(3, screen.frames.size());
        assertEquals(3, reads.get(), "each screen reads the target again");
    }

    @Test
    void sortKeysChangeTheSortAndSpaceKeepsIt() {
        ScriptedScreen screen = new ScriptedScreen(40, (int) 'a', (int) ' ', (int) 'N', (int) 'x', (int) 'q');
        TopLoop loop = loop(screen);

        loop.run();

        assertEquals(5, screen.frames.size());
        assertEquals(List.of("kmalloc-8", "com.acme.Order", "kmalloc-128", "com.acme.Outer$Node",
                "com.acme.Big", "com.acme.Idle"), screen.names(0), "o, the default");
        assertEquals(List.of("com.acme.Order", "kmalloc-8", "kmalloc-128", "com.acme.Outer$Node",
                "com.acme.Big", "com.acme.Idle"), screen.names(1), "after a");
        assertEquals(screen.names(1), screen.names(2), "space redraws, same sort");
        List<String> byName = List.of("com.acme.Big", "com.acme.Idle", "com.acme.Order",
                "com.acme.Outer$Node", "kmalloc-128", "kmalloc-8");
        assertEquals(byName, screen.names(3), "after N: keys in either case");
        assertEquals(byName, screen.names(4), "an unknown key keeps the sort");
        assertEquals(SortKey.NAME, loop.sort());
    }

    @Test
    void ctrlCAndTheEndOfInputQuit() {
        ScriptedScreen ctrlC = new ScriptedScreen(40, TopLoop.CTRL_C);
        loop(ctrlC).run();
        assertEquals(1, ctrlC.frames.size());

        ScriptedScreen closed = new ScriptedScreen(40);
        loop(closed).run();
        assertEquals(1, closed.frames.size());
    }

    @Test
    void rowsAreCutToTheScreenHeightLessEight() {
        ScriptedScreen screen = new ScriptedScreen(12, (int) 'q');

        loop(screen).run();

        // 12 rows: 7 lines of summary and heading, 4 cache rows, the last line left free
        assertEquals(11, screen.frames.get(0).size());
        assertEquals(List.of("kmalloc-8", "com.acme.Order", "kmalloc-128", "com.acme.Outer$Node"), screen.names(0));
    }

    @Test
    void visibleRowsFollowSlabtop() {
        assertEquals(16, TopLoop.visibleRows(24));
        assertEquals(16, TopLoop.visibleRows(0), "an unknown height counts as 24 rows");
        assertEquals(0, TopLoop.visibleRows(8));
        assertEquals(0, TopLoop.visibleRows(3));
    }
}
