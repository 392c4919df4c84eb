package io.jslab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * slabtop's main loop ({@code main} in procps {@code src/slabtop.c}): read, sort, draw the summary,
 * the heading in reverse video and as many rows as fit ({@code Rows - 8}), then wait up to the
 * delay for a key. {@code q} (either case), Ctrl-C and the end of input quit; a sort key changes
 * the sort and redraws; any other key (space) redraws at once. Where slabtop's other keys reset
 * the sort to the default, this keeps the sort the user chose. The blank line under slabtop's
 * summary shows jslab's own cost in the target ({@link OwnCostLine}).
 */
final class TopLoop {

    /** Ctrl-C as a key: the terminal is put in raw mode without signals, so it arrives as text. */
    static final int CTRL_C = 3;
    /** Lines slabtop keeps besides the rows: 7 above them and one free at the bottom. */
    static final int NOT_ROWS = 8;
    /** slabtop's screen height when the terminal does not tell (as {@code term_resize}). */
    static final int DEFAULT_HEIGHT = 24;

    private final Supplier<List<CacheRow>> source;
    private final Supplier<OwnCostLine> cost;
    private final TopScreen screen;
    private final long delayMillis;
    private SortKey sort;

    TopLoop(Supplier<List<CacheRow>> source, TopScreen screen, SortKey sort, long delayMillis) {
        this(source, () -> null, screen, sort, delayMillis);
    }

    /** As above, with jslab's own cost (null: not known) on the line under the summary. */
    TopLoop(Supplier<List<CacheRow>> source, Supplier<OwnCostLine> cost, TopScreen screen, SortKey sort,
            long delayMillis) {
        this.source = source;
        this.cost = cost;
        this.screen = screen;
        this.sort = sort;
        this.delayMillis = delayMillis;
    }

    void run() {
        while (true) {
            List<String> lines = new ArrayList<>(SlabtopText.render(source.get(), sort, visibleRows(screen.height())));
            OwnCostLine own = cost.get();
            if (own != null) {
                lines.set(SlabtopText.BLANK_LINE, own.text());
            }
            screen.show(lines, SlabtopText.HEADER_LINES - 1);
            int key = screen.readKey(delayMillis);
            if (key == TopScreen.END || key == CTRL_C || key == 'q' || key == 'Q') {
                return;
            }
            SortKey chosen = key == TopScreen.NO_KEY ? null : SortKey.of(key);
            if (chosen != null) {
                sort = chosen;
            }
        }
    }

    SortKey sort() {
        return sort;
    }

    static int visibleRows(int height) {
        return Math.max(0, (height > 0 ? height : DEFAULT_HEIGHT) - NOT_ROWS);
    }
}
