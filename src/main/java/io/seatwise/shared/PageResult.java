package io.seatwise.shared;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, as the API answers it: {@code {"items", "totalCount", "page", "size"}}. A list whose exact
 * count is still being worked out says {@code "totalCountEstimated": true} (the field is left out otherwise).
 */
public record PageResult<T>(List<T> items, long totalCount, int page, int size,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean totalCountEstimated) {

    public PageResult(List<T> items, long totalCount, int page, int size) {
        this(items, totalCount, page, size, false);
    }

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
        return new PageResult<>(items.stream().map(mapper).toList(), totalCount, page, size, totalCountEstimated);
    }
}
