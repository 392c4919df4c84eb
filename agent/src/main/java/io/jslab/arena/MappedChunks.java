package io.jslab.arena;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The arena's memory: one {@link MappedByteBuffer} per chunk, mapped READ_WRITE from a temp file
 * that is deleted right after mapping (the mapping keeps the memory; the name is gone).
 *
 * <pre>
 *   address = chunk &lt;&lt; chunkShift | offset        chunk i spans [i * chunkBytes, (i + 1) * chunkBytes)
 *   buffers: [ chunk 0 ][ chunk 1 ] ... [ chunk n-1 ]   n = chunks mapped so far
 * </pre>
 *
 * <p>Why mapped files: mapped memory is not counted against {@code -XX:MaxDirectMemorySize}, so
 * the arena never eats the application's direct-buffer budget, and it needs no
 * {@code sun.misc.Unsafe} (which warns from JDK 24 on). The files live in {@code /dev/shm} when
 * it exists and has room (memory, never written back to a disk), else in {@code java.io.tmpdir}.
 *
 * <p>Memory ordering: {@link #map()} runs under the arena's lock and publishes a new, longer array
 * through the volatile {@code buffers} field, so {@link #getLong}/{@link #putLong} need no lock:
 * any address a caller holds came from an allocation that happened after its chunk was published.
 * Values are in native byte order. Absolute gets and puts do not move a buffer's position, so
 * threads share the buffers safely.
 */
final class MappedChunks {

    private static final MappedByteBuffer[] NONE = new MappedByteBuffer[0];
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final long chunkBytes;
    private final int chunkShift;
    private final long offsetMask;
    private final List<Path> directories;
    private volatile MappedByteBuffer[] buffers = NONE;
    private volatile boolean closed;

    /** Chunks of {@code chunkBytes}, mapped from files in the first of {@code directories} with room. */
    MappedChunks(long chunkBytes, List<Path> directories) {
        this.chunkBytes = chunkBytes;
        this.chunkShift = Long.numberOfTrailingZeros(chunkBytes);
        this.offsetMask = chunkBytes - 1;
        this.directories = List.copyOf(directories);
    }

    /** Maps one more chunk. Called under the arena's lock. */
    void map() throws IOException {
        mapIn(directoryWithRoom());
    }

    /**
     * Maps one more chunk from a file in {@code directory}, every page of it backed first.
     *
     * <p>Why write the whole file before mapping it: a mapped file takes its pages only when they
     * are first written, and a write through the mapping that finds its file system full is a
     * SIGBUS (an {@code InternalError} in whatever host thread touched the slot), long after the
     * room was checked. Writing the file's bytes through the channel makes the file system give
     * every page now, or refuse now with an {@code IOException}, which the arena counts as a
     * failed growth. Java has no {@code posix_fallocate}, and {@code setLength} only makes a hole.
     * The cost is one pass over the chunk's bytes at map time (memory the arena would take anyway).
     */
    void mapIn(Path directory) throws IOException {
        Path file = Files.createTempFile(directory, "jslab-arena-", ".mem");
        MappedByteBuffer buffer;
        try (RandomAccessFile backed = new RandomAccessFile(file.toFile(), "rw")) {
            ChunkBacking.fill(backed, chunkBytes);
            buffer = backed.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, chunkBytes);
        } finally {
            // Refused or mapped, the name goes: the mapping keeps its pages, a refusal gives them back.
            Files.delete(file);
        }
        buffer.order(ByteOrder.nativeOrder());
        MappedByteBuffer[] grown = Arrays.copyOf(buffers, buffers.length + 1);
        grown[grown.length - 1] = buffer;
        buffers = grown;
    }

    int chunks() {
        return buffers.length;
    }

    /** Drops every mapping; the memory goes back when the buffers are collected. */
    void close() {
        closed = true;
        buffers = NONE;
    }

    long getLong(long address) {
        MappedByteBuffer[] mapped = buffers;
        if ((address & 7) != 0 || (address >>> chunkShift) >= mapped.length) {
            throw badAccess(address, mapped.length);
        }
        return mapped[(int) (address >>> chunkShift)].getLong((int) (address & offsetMask));
    }

    void putLong(long address, long value) {
        MappedByteBuffer[] mapped = buffers;
        if ((address & 7) != 0 || (address >>> chunkShift) >= mapped.length) {
            throw badAccess(address, mapped.length);
        }
        mapped[(int) (address >>> chunkShift)].putLong((int) (address & offsetMask), value);
    }

    /**
     * Atomically writes {@code value} and returns what was there (a volatile exchange, one
     * {@code xchg} on x86). Atomic because the address is 8-aligned and so is every chunk's
     * mapping (it starts on a page), which the view VarHandle requires for its atomic modes.
     */
    long getAndSetLong(long address, long value) {
        MappedByteBuffer[] mapped = buffers;
        if ((address & 7) != 0 || (address >>> chunkShift) >= mapped.length) {
            throw badAccess(address, mapped.length);
        }
        return (long) LONGS.getAndSet(mapped[(int) (address >>> chunkShift)], (int) (address & offsetMask), value);
    }

    private RuntimeException badAccess(long address, int chunks) {
        if (closed) {
            return new IllegalStateException("arena closed");
        }
        if ((address & 7) != 0) {
            return new IllegalArgumentException(String.format(
                    "address 0x%x: not 8-byte aligned (a long is read and written at multiples of 8)", address));
        }
        return new IllegalArgumentException(String.format(
                "address 0x%x: outside the arena's mapped memory [0x0, 0x%x)", address, chunks * chunkBytes));
    }

    /**
     * The first directory with room for a whole chunk, so that a small {@code /dev/shm} (64 MiB
     * in a default Docker container) spills over to the temp directory without first being filled
     * to its last page by a chunk that cannot fit. Only a hint: another process can take the room
     * before the chunk is written, which {@link #mapIn} then refuses.
     */
    private Path directoryWithRoom() throws IOException {
        for (Path directory : directories) {
            try {
                if (Files.getFileStore(directory).getUsableSpace() >= chunkBytes) {
                    return directory;
                }
            } catch (IOException e) {
                // Not usable; try the next one.
            }
        }
        throw new IOException("no room for a chunk of " + chunkBytes + " bytes in " + directories);
    }

    /** {@code /dev/shm} when it is a writable directory, then {@code java.io.tmpdir}. */
    static List<Path> defaultDirectories() {
        Path shm = Path.of("/dev/shm");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return Files.isDirectory(shm) && Files.isWritable(shm) ? List.of(shm, tmp) : List.of(tmp);
    }
}
