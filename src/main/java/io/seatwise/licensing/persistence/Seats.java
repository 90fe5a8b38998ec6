package io.seatwise.licensing.persistence;

/** The seats of one subscription: how many the customer bought and how many are assigned. */
public record Seats(int quantity, int assigned) {

    /** No subscription: nothing bought, nothing assigned. */
    public static final Seats NONE = new Seats(0, 0);

    /** Seats not assigned. */
    public int free() {
        return quantity - assigned;
    }
}
