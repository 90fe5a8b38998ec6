package io.seatwise.shared;

/** A validated page request: page from 0, size between 1 and {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0) {
            throw DomainException.invalid("validation", "page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("validation", "size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
