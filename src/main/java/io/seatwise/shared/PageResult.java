package io.seatwise.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API answers it: {@code {"items", "totalCount", "page", "size"}}. */
public record PageResult<T>(List<T> items, long totalCount, int page, int size) {

    public int totalPages() {
        return size == 0 ? 0 : (int) Math.max(1, (totalCount + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), totalCount, page, size);
    }
}
