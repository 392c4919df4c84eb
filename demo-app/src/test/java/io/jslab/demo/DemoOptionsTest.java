package io.jslab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> DemoOptions.parse(args)).getMessage();
    }

    @Test
    void noArgumentsMeanForeverWithTwoThreadsAtTenThousandRequestsASecond() throws Exception {
        assertEquals(new DemoOptions(0, 2, 10_000, false), DemoOptions.parse());
    }

    @Test
    void valuesComeAsSeparateArgumentsOrAfterAnEqualsSign() throws Exception {
        assertEquals(new DemoOptions(10, 4, 500, false),
                DemoOptions.parse("--duration", "10", "--threads=4", "--rate", "500"));
        assertEquals(new DemoOptions(31_536_000, 64, 1_000_000, false),
                DemoOptions.parse("--duration=31536000", "--threads", "64", "--rate=1000000"));
    }

    @Test
    void helpIsAFlag() throws Exception {
        assertEquals(new DemoOptions(0, 2, 10_000, true), DemoOptions.parse("--help"));
        assertEquals("--help takes no value, got 'yes'", error("--help=yes"));
    }

    @Test
    void unknownOptionsAndStrayArgumentsNameWhatIsAccepted() {
        assertEquals("unknown option '--seconds'; accepted: --duration <secs>, --threads <n>, "
                + "--rate <ops/sec>, --help", error("--seconds", "5"));
        assertEquals("unexpected argument '10'; accepted: --duration <secs>, --threads <n>, "
                + "--rate <ops/sec>, --help", error("10"));
        assertEquals("unexpected argument '-h'; accepted: --duration <secs>, --threads <n>, "
                + "--rate <ops/sec>, --help", error("-h"));
    }

    @Test
    void aMissingValueSaysWhatIsExpected() {
        assertEquals("--duration needs a value: a whole number of seconds from 1 to 31536000",
                error("--duration"));
        assertEquals("--threads needs a value: a whole number from 1 to 64", error("--rate", "5", "--threads"));
        assertEquals("--rate needs a value: a whole number of requests per second from 1 to 1000000",
                error("--rate"));
    }

    @Test
    void badValuesAreQuotedWithTheAcceptedRange() {
        assertEquals("--threads: 'x' is not a whole number from 1 to 64", error("--threads", "x"));
        assertEquals("--threads: '0' is not a whole number from 1 to 64", error("--threads=0"));
        assertEquals("--threads: '65' is not a whole number from 1 to 64", error("--threads", "65"));
        assertEquals("--rate: '-5' is not a whole number of requests per second from 1 to 1000000",
                error("--rate", "-5"));
        assertEquals("--rate: '1000001' is not a whole number of requests per second from 1 to 1000000",
                error("--rate", "1000001"));
        assertEquals("--duration: '2.5' is not a whole number of seconds from 1 to 31536000",
                error("--duration", "2.5"));
        assertEquals("--duration: '' is not a whole number of seconds from 1 to 31536000",
                error("--duration="));
        assertEquals("--duration: '99999999999999999999' is not a whole number of seconds from 1 to 31536000",
                error("--duration", "99999999999999999999"));
    }

    @Test
    void anOptionGivenTwiceIsAnError() {
        assertEquals("--rate given twice", error("--rate", "5", "--rate=6"));
    }
}
