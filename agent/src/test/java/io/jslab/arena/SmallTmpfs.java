package io.jslab.arena;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tmpfs of a few MiB mounted over a test's temporary directory, so that a test can fill a file
 * system without filling the machine's. Mounting needs root (CAP_SYS_ADMIN), as in CI; elsewhere
 * the test is skipped by an assumption that says so.
 */
final class SmallTmpfs implements AutoCloseable {

    final Path directory;

    private SmallTmpfs(Path directory) {
        this.directory = directory;
    }

    static SmallTmpfs mount(Path directory, long bytes) throws IOException, InterruptedException {
        Run mount = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", directory.toString());
        assumeTrue(mount.status == 0, "skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN) and mount(8); "
                + "mount said: " + mount.output.strip());
        return new SmallTmpfs(directory);
    }

    /** Lazily: a chunk still mapped keeps its deleted file open until its buffer is collected. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", directory.toString());
    }

    private record Run(int status, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchProgram) {
            return new Run(-1, noSuchProgram.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(-1, "timed out");
        }
        return new Run(process.exitValue(), output);
    }
}
