package io.jslab.arena;

import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * Makes a file system back every page of a file before the file is mapped: zeros written with
 * {@code write(2)}, which must find the room now (tmpfs allocates its pages, ext4 and xfs reserve
 * their blocks even under delayed allocation), so a full file system answers with an
 * {@code IOException} ("No space left on device") here, not with a SIGBUS in a later access.
 *
 * <p>Why {@link RandomAccessFile} and a small array: a {@code FileChannel} write from a heap
 * buffer goes through a temporary direct buffer that the JDK caches per thread, and that buffer
 * would count against the application's {@code -XX:MaxDirectMemorySize} in whichever thread
 * grew the arena. A {@code RandomAccessFile} write of at most 8 KiB copies through the native
 * stack instead.
 */
final class ChunkBacking {

    /** The JDK's native copy buffer for stream writes is 8 KiB; larger writes malloc per call. */
    private static final int BLOCK = 8 << 10;

    private ChunkBacking() {}

    static void fill(RandomAccessFile file, long bytes) throws IOException {
        byte[] zeros = new byte[BLOCK];
        file.seek(0);
        for (long position = 0; position < bytes; position += BLOCK) {
            file.write(zeros, 0, (int) Math.min(BLOCK, bytes - position));
        }
    }
}
