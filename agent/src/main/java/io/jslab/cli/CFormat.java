package io.jslab.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * C's {@code printf("%.Nf")} as glibc prints it: the exact binary value of the double rounded half
 * to even. Java's {@code %.2f} rounds the shortest decimal form half up instead, so a 128-byte
 * object (0.125K) would print as 0.13K where slabtop prints 0.12K.
 */
final class CFormat {

    private CFormat() {
    }

    static String fixed(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * {@code 100.0 * part / whole} with one decimal. slabtop divides by zero here and prints
     * "-nan" for an empty table; jslab prints 0.0 instead.
     */
    static String percent(long part, long whole) {
        return whole == 0 ? "0.0" : fixed(100.0 * part / whole, 1);
    }
}
