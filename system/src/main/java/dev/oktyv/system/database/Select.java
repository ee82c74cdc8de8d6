package dev.oktyv.system.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A SELECT built from identifiers, a {@link Where}, an ORDER BY and bound LIMIT/OFFSET. There is no way to
 * put free text into it, which is the point.
 */
public record Select(Identifier table, List<Identifier> columns, Where where, List<Order> orderBy,
                     OptionalLong limit, OptionalLong offset) {

    public record Order(Identifier column, SortDirection direction) {
        public Order {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(direction, "direction");
        }
    }

    public Select {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(where, "where");
        orderBy = List.copyOf(orderBy);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        if (limit.isPresent() && limit.getAsLong() < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit.getAsLong());
        }
        if (offset.isPresent() && offset.getAsLong() < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset.getAsLong());
        }
    }

    public static Builder from(Identifier table) {
        return new Builder(table);
    }

    public static final class Builder {
        private final Identifier table;
        // Lists made on first use: most queries name no columns and no order, and a builder is made per query
        // (two empty ArrayLists and their copies were a visible share of a point query's allocation).
        private List<Identifier> columns = List.of();
        private Where where = Where.all();
        private List<Order> orderBy = List.of();
        private OptionalLong limit = OptionalLong.empty();
        private OptionalLong offset = OptionalLong.empty();

        private Builder(Identifier table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        public Builder columns(Identifier... cols) {
            if (columns.isEmpty()) {
                columns = new ArrayList<>();
            }
            columns.addAll(List.of(cols));
            return this;
        }

        public Builder where(Where w) {
            this.where = Objects.requireNonNull(w, "where");
            return this;
        }

        public Builder orderBy(Identifier column, SortDirection direction) {
            if (orderBy.isEmpty()) {
                orderBy = new ArrayList<>();
            }
            orderBy.add(new Order(column, direction));
            return this;
        }

        public Builder limit(long rows) {
            this.limit = OptionalLong.of(rows);
            return this;
        }

        public Builder offset(long rows) {
            this.offset = OptionalLong.of(rows);
            return this;
        }

        public Select build() {
            return new Select(table, columns, where, orderBy, limit, offset);
        }
    }
}
