package io.seatwise.modularity.violation;

/**
 * The root of a small application that breaks its boundaries on purpose, for
 * {@link io.seatwise.modularity.BoundaryViolationsTests}: module {@code billing} reaches into {@code orders}' internal
 * package, and module {@code shipping} uses {@code orders} although it declares no dependency at all. Plain
 * classes, no Spring: nothing here is a bean, and the real {@code ModularityTests} leaves test classes out.
 */
public final class ViolationFixture {

    private ViolationFixture() {
    }
}
