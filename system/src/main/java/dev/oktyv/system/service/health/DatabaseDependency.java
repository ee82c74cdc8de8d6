package dev.oktyv.system.service.health;

import dev.oktyv.system.database.DatabaseEngine;
import java.util.Objects;

/**
 * The database the item routes use.
 *
 * @param readFallback whether item reads still answer with the database down (a stale-serving cache): then the
 *                     database being down degrades the service rather than taking it down
 */
public record DatabaseDependency(DatabaseEngine db, boolean readFallback) {

    public DatabaseDependency {
        Objects.requireNonNull(db, "db");
    }
}
