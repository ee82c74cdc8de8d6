package dev.oktyv.system.service.routes;

import java.util.Optional;

/** What the database routes need from the Database engine; an adapter is wired when the engine lands. */
public interface ItemBackend {

    /** A stored item. {@code data} is opaque text (the engine decides its format). */
    record Item(long id, String name, String data) {
    }

    Optional<Item> find(long id) throws Exception;

    /** Stores a new item and returns it with its id. Throws IllegalArgumentException for invalid fields. */
    Item create(String name, String data) throws Exception;
}
