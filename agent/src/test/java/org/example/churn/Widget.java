package org.example.churn;

/** One long: the object {@link ChurnApp} keeps alive, so its cache's active count is exact. */
public final class Widget {

    private final long id;

    public Widget(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }
}
