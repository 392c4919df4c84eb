package io.jslab.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javax.management.ObjectName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JmxNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.Order", "com.acme.Outer$Node", "kmalloc-64", "com.acme.Order#2",
        "a/b", "a b", "a\\b", "é"})
    void legalValuesAreNotQuoted(String cacheName) throws Exception {
        assertEquals(cacheName, JmxNames.value(cacheName));
        ObjectName name = new ObjectName("io.jslab:type=SlabCache,name=" + JmxNames.value(cacheName));
        assertEquals(cacheName, name.getKeyProperty("name"));
        assertFalse(name.isPattern());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a,b   | \"a,b\"",
        "a=b   | \"a=b\"",
        "a:b   | \"a:b\"",
        "a\"b  | \"a\\\"b\"",
        "a*b   | \"a\\*b\"",
        "a?b   | \"a\\?b\"",
    })
    void illegalValuesAreQuoted(String cacheName, String expected) throws Exception {
        assertEquals(expected, JmxNames.value(cacheName));
        ObjectName name = new ObjectName("io.jslab:type=SlabCache,name=" + JmxNames.value(cacheName));
        assertEquals(cacheName, ObjectName.unquote(name.getKeyProperty("name")));
        assertFalse(name.isPattern());
    }

    @org.junit.jupiter.api.Test
    void emptyValueIsQuoted() {
        assertEquals("\"\"", JmxNames.value(""));
    }
}
