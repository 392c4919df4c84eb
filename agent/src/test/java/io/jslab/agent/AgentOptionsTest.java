package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void emptyStringGivesTheDefaults() {
        for (String text : new String[] {null, "", "  "}) {
            AgentOptions options = AgentOptions.parse(text);
            assertEquals(4096, options.pageSize());
            assertEquals(10, options.maxOrder());
            assertEquals(256L << 20, options.maxBytes());
            assertTrue(options.jmx());
            assertFalse(options.verbose());
            assertTrue(options.jfr());
            assertNull(options.dump());
            assertFalse(options.include().matches("a.B"));
            assertFalse(options.exclude().matches("a.B"));
        }
    }

    @Test
    void everyKeyIsRead() {
        AgentOptions options = AgentOptions.parse(
                "include=com.acme.*:org.x.Y,exclude=com.acme.internal.*,arena.pagesize=16k,arena.maxorder=8,"
                        + "arena.max=1G,jmx=false,dump=/tmp/out.txt,verbose=true,jfr=false");
        assertTrue(options.include().matches("com.acme.deep.Order$Line"));
        assertTrue(options.include().matches("org.x.Y"));
        assertTrue(options.exclude().matches("com.acme.internal.Z"));
        assertEquals(16384, options.pageSize());
        assertEquals(8, options.maxOrder());
        assertEquals(1L << 30, options.maxBytes());
        assertFalse(options.jmx());
        assertEquals("/tmp/out.txt", options.dump());
        assertTrue(options.verbose());
        assertFalse(options.jfr());
    }

    @Test
    void trackingKeysAreRead() {
        AgentOptions auto = AgentOptions.parse("");
        assertFalse(auto.trackExact());
        assertEquals(50_000, auto.watchBudget());
        assertFalse(auto.exactClasses().test(String.class));

        AgentOptions some = AgentOptions.parse("track=auto,track.budget=20k,exact=java.lang.Str*");
        assertEquals(20_000, some.watchBudget());
        assertTrue(some.exactClasses().test(String.class));
        assertFalse(some.exactClasses().test(Integer.class));

        AgentOptions all = AgentOptions.parse("track=exact,track.budget=2m");
        assertTrue(all.trackExact());
        assertEquals(2_000_000, all.watchBudget());
        assertTrue(all.exactClasses().test(Integer.class));
        assertEquals(1500, AgentOptions.parse("track.budget=1500").watchBudget());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pagesize=4k|unknown option 'pagesize': accepted keys are include, exclude, arena.pagesize, arena.maxorder, arena.max, jmx, dump, verbose, track, track.budget, exact, jfr",
        "arena.pagesize=3k|arena.pagesize=3k: must be a power of two from 4k to 64k",
        "arena.pagesize=128k|arena.pagesize=128k: must be a power of two from 4k to 64k",
        "arena.pagesize=big|arena.pagesize=big: must be a power of two from 4k to 64k",
        "arena.max=12q|arena.max=12q: must be a size like 256m (suffixes k, m, g)",
        "arena.max=0|arena.max=0: must be a size like 256m (suffixes k, m, g)",
        "arena.max=1m|arena.max=1048576: must hold at least one chunk of 4194304 bytes (arena.pagesize << arena.maxorder)",
        "arena.maxorder=2|arena.maxorder=2: must be a whole number from 3 to 18",
        "arena.maxorder=ten|arena.maxorder=ten: must be a whole number from 3 to 18",
        "arena.pagesize=64k,arena.maxorder=15|arena.maxorder=15: with arena.pagesize=64k a chunk would be 2147483648 bytes: pagesize << maxorder must be at most 1g",
        "jmx=yes|jmx=yes: must be true or false",
        "verbose=TRUE|verbose=TRUE: must be true or false",
        "jfr=off|jfr=off: must be true or false",
        "dump=|dump=: must be a file name, stdout or stderr",
        "include=|include=: must be class-name patterns separated by ':' (* and ? as wildcards)",
        "verbose|option 'verbose' has no value: write key=value, keys are include, exclude, arena.pagesize, arena.maxorder, arena.max, jmx, dump, verbose, track, track.budget, exact, jfr",
        "jmx=true,jmx=false|option 'jmx' is given twice: give each key once",
        "track=all|track=all: must be auto (count all, watch a sample) or exact (watch every object)",
        "track.budget=0|track.budget=0: must be a whole number of objects a second from 1, like 50k (suffixes k, m)",
        "track.budget=5g|track.budget=5g: must be a whole number of objects a second from 1, like 50k (suffixes k, m)",
        "track.budget=-3|track.budget=-3: must be a whole number of objects a second from 1, like 50k (suffixes k, m)",
        "exact=|exact=: must be class-name patterns separated by ':' (* and ? as wildcards)",
    })
    void badOptionsAreOneLineErrorsNamingKeyValueAndWhatIsAccepted(String options, String message) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse(options));
        assertEquals(message, error.getMessage());
    }

    @Test
    void wildcardsFollowJacoco() {
        WildcardMatcher matcher = new WildcardMatcher("com.acme.*:a.B?:x.Y$Inner");
        assertTrue(matcher.matches("com.acme.Order"));
        assertTrue(matcher.matches("com.acme.sub.Order"));
        assertFalse(matcher.matches("com.acmeX"));
        assertTrue(matcher.matches("a.B1"));
        assertFalse(matcher.matches("a.B"));
        assertFalse(matcher.matches("a.B12"));
        assertTrue(matcher.matches("x.Y$Inner"));
        assertFalse(matcher.matches("xzY$Inner"), "a dot is a literal dot");
        assertTrue(new WildcardMatcher("*").matches("any.Thing"));
        assertFalse(new WildcardMatcher(":").matches(""));
        assertFalse(WildcardMatcher.NONE.matches("any.Thing"));
    }

    @Test
    void aSecondAttachMayChangeOnlyTheSelection() {
        AgentOptions running = AgentOptions.parse("include=a.*,arena.max=8m,verbose=true");

        assertNull(AgentOptions.parse("include=b.*").unchangeableKeyChanged(running), "keys not given keep their values");
        assertNull(AgentOptions.parse("exclude=b.*,arena.max=8m").unchangeableKeyChanged(running), "the same value again");
        assertEquals("option 'arena.max' cannot change while jslab runs (only include, exclude and exact can):"
                + " detach first, then attach with the new value",
                AgentOptions.parse("include=b.*,arena.max=16m").unchangeableKeyChanged(running));
        assertEquals("option 'jmx' cannot change while jslab runs (only include, exclude and exact can):"
                + " detach first, then attach with the new value",
                AgentOptions.parse("jmx=false").unchangeableKeyChanged(running));
        assertNull(AgentOptions.parse("exact=a.B").unchangeableKeyChanged(running), "exact is selection");
        assertEquals("option 'track.budget' cannot change while jslab runs (only include, exclude and exact can):"
                + " detach first, then attach with the new value",
                AgentOptions.parse("track.budget=5k").unchangeableKeyChanged(running));
        assertTrue(AgentOptions.parse("exact=a.B").givesSelection());
    }

    @Test
    void aNewSelectionReplacesTheOldOneInTheOptionsInForce() {
        AgentOptions running = AgentOptions.parse("include=a.*,arena.max=8m,exclude=a.X");

        assertEquals("arena.max=8m,exclude=b.Y", running.withSelectionOf(AgentOptions.parse("exclude=b.Y")));
        assertEquals("arena.max=8m,include=b.*", running.withSelectionOf(AgentOptions.parse("arena.max=8m,include=b.*")));
        assertTrue(AgentOptions.parse(" exclude=b.*").givesSelection());
        assertFalse(AgentOptions.parse("arena.max=8m").givesSelection());
        assertFalse(AgentOptions.parse("").givesSelection());
    }
}
