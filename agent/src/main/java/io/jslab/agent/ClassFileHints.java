package io.jslab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a class file says about its selection, read from its raw bytes without Byte Buddy: whether
 * the annotation's descriptor is in it, and the name of its superclass.
 *
 * <p>The descriptor test may say yes wrongly (a string constant that spells the descriptor), never
 * no wrongly: an annotation on the class or on a constructor puts {@value #DESCRIPTOR} into the
 * constant pool as one {@code CONSTANT_Utf8} entry, and a modified UTF-8 entry of ASCII characters
 * is exactly those bytes (JVMS 4.4.7, 4.7.16).
 */
final class ClassFileHints {

    static final String DESCRIPTOR = "Lio/jslab/SlabAllocated;";

    private static final byte[] NEEDLE = DESCRIPTOR.getBytes(StandardCharsets.US_ASCII);

    private ClassFileHints() {}

    /** Whether {@code classFile} may carry the annotation, on the class or a member. */
    static boolean mentionsAnnotation(byte[] classFile) {
        int last = classFile.length - NEEDLE.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != NEEDLE[0]) {
                continue;
            }
            for (int j = 1; j < NEEDLE.length; j++) {
                if (classFile[i + j] != NEEDLE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The internal name of the superclass ({@code com/acme/Base}), or null for {@code Object} and
     * modules; walks the constant pool to reach {@code super_class} (JVMS 4.1, 4.4).
     *
     * @throws IllegalArgumentException when the bytes are no class file this walk understands
     */
    static String superName(byte[] b) {
        try {
            int count = u2(b, 8);
            int[] offsets = new int[count];
            int p = 10;
            for (int i = 1; i < count; i++) {
                offsets[i] = p;
                int tag = b[p] & 0xff;
                switch (tag) {
                    case 1 -> p += 3 + u2(b, p + 1);
                    case 7, 8, 16, 19, 20 -> p += 3;
                    case 15 -> p += 4;
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                    case 5, 6 -> {
                        p += 9;
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IllegalArgumentException("constant pool tag " + tag);
                }
            }
            int superIndex = u2(b, p + 4);
            if (superIndex == 0) {
                return null;
            }
            int utf8 = offsets[u2(b, offsets[superIndex] + 1)];
            return new String(b, utf8 + 3, u2(b, utf8 + 1), StandardCharsets.UTF_8);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            throw new IllegalArgumentException("truncated class file", truncated);
        }
    }

    /** The class file of {@code internalName} as {@code loader} would find it, or null. */
    static byte[] read(ClassLoader loader, String internalName) throws IOException {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static int u2(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }
}
