package org.example.churn;

/** The other object {@link ChurnApp} keeps: three longs, so its cache has another size. */
public final class Gadget {

    private final long a;
    private final long b;
    private final long c;

    public Gadget(long a, long b) {
        this.a = a;
        this.b = b;
        this.c = a + b;
    }

    public long sum() {
        return a + b + c;
    }
}
