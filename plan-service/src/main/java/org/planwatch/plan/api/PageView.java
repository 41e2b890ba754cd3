package org.planwatch.plan.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of results and where it sits among all that match: the one shape every list in the API answers with. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** Renders a page's content in one go, so a renderer can look up what the whole page needs at once. */
    public static <S, T> PageView<T> of(Page<S> page, Function<List<S>, List<T>> render) {
        return new PageView<>(render.apply(page.getContent()), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
