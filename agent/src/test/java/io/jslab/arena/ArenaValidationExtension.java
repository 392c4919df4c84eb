package io.jslab.arena;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens arenas for a test and, after the test, validates each one (unless the test closed it) with
 * {@link ArenaValidator} and closes it. Register with
 * {@code @RegisterExtension final ArenaValidationExtension arenas = new ArenaValidationExtension();}
 * and create arenas with {@link #open}.
 */
public final class ArenaValidationExtension implements AfterEachCallback {

    private final List<BuddyArena> arenas = new ArrayList<>();

    /** A new arena that is validated and closed after the test. */
    public BuddyArena open(ArenaConfig config) {
        BuddyArena arena = new BuddyArena(config);
        arenas.add(arena);
        return arena;
    }

    /** A new arena mapping its chunks in the first of {@code directories} with room. */
    BuddyArena open(ArenaConfig config, List<Path> directories) {
        BuddyArena arena = new BuddyArena(config, directories);
        arenas.add(arena);
        return arena;
    }

    /** Validates and closes, after the test, an arena the test got elsewhere (from a slab allocator). */
    public BuddyArena track(BuddyArena arena) {
        arenas.add(arena);
        return arena;
    }

    /** An arena of 4 KiB pages, chunks of {@code 2^maxOrder} pages, at most {@code maxChunks} chunks. */
    public BuddyArena open(int maxOrder, int maxChunks) {
        return open(new ArenaConfig(4096, maxOrder, (long) maxChunks * (4096L << maxOrder)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (BuddyArena arena : arenas) {
                ArenaValidator.validate(arena);
            }
        } finally {
            arenas.forEach(BuddyArena::close);
            arenas.clear();
        }
    }
}
