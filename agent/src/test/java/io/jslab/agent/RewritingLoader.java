package io.jslab.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * A child-first loader that does in process what the agent does at class loading: classes the
 * selection picks are rewritten by {@link ConstructorRewrite}; others of the fixture package are
 * defined unchanged; the rest (the hook among them) comes from the parent.
 */
final class RewritingLoader extends ClassLoader {

    private final ClassSelection selection;
    private final ClassFileLocator locator = ClassFileLocator.ForClassLoader.ofSystemLoader();
    private final TypePool pool = TypePool.Default.of(locator);
    final List<String> problems = new ArrayList<>();
    final List<String> rewritten = new ArrayList<>();

    RewritingLoader(ClassSelection selection) {
        super(RewritingLoader.class.getClassLoader());
        this.selection = selection;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("fixture.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = classFile(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded;
        }
    }

    private byte[] classFile(String name) {
        try {
            TypeDescription type = pool.describe(name).resolve();
            if (selection.isCandidate(type) && selection.selects(type)) {
                rewritten.add(name);
                return new ByteBuddy().decorate(type, locator)
                        .visit(new ConstructorRewrite(selection.selectsWholeClass(type), locator, problems::add))
                        .make()
                        .getBytes();
            }
            return locator.locate(name).resolve();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
