package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixture.Annotated;
import fixture.AnnotatedChild;
import fixture.ConstructorLevel;
import fixture.HelloMain;
import fixture.Included;
import java.lang.instrument.ClassFileTransformer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The filter in front of Byte Buddy: it may pass a class that is not selected, never stop one that is. */
class SelectionPrefilterTest {

    private final AtomicInteger delegatesMade = new AtomicInteger();
    private final SelectionPrefilter filter = new SelectionPrefilter(new WildcardMatcher("fixture.Incl*"),
            new WildcardMatcher("fixture.Throwing"), () -> {
                delegatesMade.incrementAndGet();
                return new ClassFileTransformer() {};
            }, new AgentStatus("test", "", false));

    private boolean passes(Class<?> type) throws Exception {
        String internal = type.getName().replace('.', '/');
        ClassLoader loader = SelectionPrefilterTest.class.getClassLoader();
        byte[] file = ClassFileHints.read(loader, internal);
        return filter.mayBeSelected(loader, internal, file);
    }

    @Test
    void annotatedClassesAndConstructorsPass() throws Exception {
        assertTrue(passes(Annotated.class));
        assertTrue(passes(ConstructorLevel.class));
    }

    @Test
    void anAnnotationInheritedFromASuperclassPasses() throws Exception {
        assertTrue(passes(AnnotatedChild.class));
        assertFalse(ClassFileHints.mentionsAnnotation(
                ClassFileHints.read(getClass().getClassLoader(), "fixture/AnnotatedChild")), "only through its superclass");
    }

    @Test
    void includePassesAndExcludeStops() throws Exception {
        assertTrue(passes(Included.class));
        assertFalse(passes(fixture.Throwing.class), "excluded, though annotated");
    }

    @Test
    void unselectedApplicationClassesTheJdkAndJslabAreStopped() throws Exception {
        assertFalse(passes(HelloMain.class));
        assertFalse(passes(String.class));
        assertFalse(passes(SelectionPrefilter.class));
    }

    @Test
    void superNameReadsTheConstantPool() throws Exception {
        assertEquals("fixture/Annotated", ClassFileHints.superName(ClassFileHints.read(getClass().getClassLoader(), "fixture/AnnotatedChild")));
        assertEquals("java/lang/Object", ClassFileHints.superName(ClassFileHints.read(getClass().getClassLoader(), "fixture/Annotated")));
        try (java.io.InputStream object = Object.class.getResourceAsStream("Object.class")) {
            assertNull(ClassFileHints.superName(object.readAllBytes()), "Object has no superclass");
        }
    }

    @Test
    void byteBuddyIsSetUpOnlyForAClassThatPasses() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        byte[] hello = ClassFileHints.read(loader, "fixture/HelloMain");
        assertNull(filter.transform(null, loader, "fixture/HelloMain", null, null, hello));
        assertEquals(0, delegatesMade.get());
        byte[] annotated = ClassFileHints.read(loader, "fixture/Annotated");
        assertNull(filter.transform(null, loader, "fixture/Annotated", null, null, annotated));
        assertNull(filter.transform(null, loader, "fixture/Annotated", null, null, annotated));
        assertEquals(1, delegatesMade.get(), "made once, kept");
    }
}
