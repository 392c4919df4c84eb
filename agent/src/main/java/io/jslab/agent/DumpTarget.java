package io.jslab.agent;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The value of {@code dump=}, checked at start (SPEC section 4): a file that cannot be written is
 * a bad option like any other, told before the application runs rather than at its exit, when
 * nobody is looking and the text is lost.
 *
 * <p>The check writes nothing the user did not ask for: an existing file is only tested for
 * writability; a missing one is created and removed again, the one test that answers for
 * permissions, read-only mounts and missing directories alike. The file can still become
 * unwritable before exit (a disk that fills up); {@link SlabinfoDump} reports that in one line.
 */
final class DumpTarget {

    private static final String ACCEPTED = "must be a writable file, stdout or stderr";

    private DumpTarget() {}

    /** Returns {@code value} when it names stdout, stderr or a file that can be written. */
    static String check(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("dump=: must be a file name, stdout or stderr");
        }
        if (value.equals("stdout") || value.equals("stderr")) {
            return value;
        }
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("dump=" + value + ": " + problem + ": " + ACCEPTED);
        }
        return value;
    }

    /** Why the file cannot be written, or null when it can. */
    private static String problem(String value) {
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            return "not a file name";
        }
        if (Files.isDirectory(file)) {
            return "is a directory";
        }
        if (Files.exists(file)) {
            return Files.isWritable(file) ? null : "permission denied";
        }
        try {
            Files.createFile(file);
            Files.delete(file);
            return null;
        } catch (NoSuchFileException e) {
            return "no such directory " + parentOf(file);
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (FileAlreadyExistsException e) {
            return null; // made by someone else meanwhile: it exists, the write at exit will tell
        } catch (IOException | SecurityException e) {
            return AgentStatus.describe(e);
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file : parent;
    }
}
