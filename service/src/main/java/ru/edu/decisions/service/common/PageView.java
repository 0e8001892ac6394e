package ru.edu.decisions.service.common;

import java.util.List;

/** One page of a list: its items, the page number (from 0), its size and the totals. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }
}
