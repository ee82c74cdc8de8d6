package dev.oktyv.system.service.routes;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What the database routes need from the Database engine; an adapter is wired when the engine lands. */
public interface ItemBackend {

    /** A stored item. {@code data} is opaque text (the engine decides its format). */
    record Item(long id, String name, String data) {
    }

    /**
     * An item as read, with whether it came from a fallback.
     *
     * @param stale true when the database could not be asked and a cached copy was served instead; the route must
     *              then mark its answer as stale (a client may be reading a value that has since changed)
     * @param age   time since the copy was read from the database; {@link Duration#ZERO} for an uncached read
     */
    record Found(Item item, boolean stale, Duration age) {

        public Found {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(age, "age");
            if (age.isNegative()) {
                throw new IllegalArgumentException("age must be >= 0, was " + age);
            }
        }

        /** Just read from the database. */
        public static Found fresh(Item item) {
            return new Found(item, false, Duration.ZERO);
        }
    }

    /** The item, or empty when there is none; throws the service's {@code ApiException} when it cannot tell. */
    Optional<Found> find(long id) throws Exception;

    /** Stores a new item and returns it with its id. Throws IllegalArgumentException for invalid fields. */
    Item create(String name, String data) throws Exception;
}
