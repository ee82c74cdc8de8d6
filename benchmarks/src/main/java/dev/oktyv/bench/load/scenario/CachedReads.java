package dev.oktyv.bench.load.scenario;

/**
 * A scenario whose reads go through an engine read-through cache when {@code --cache on} is given; the command
 * refuses {@code --cache on} when no selected scenario is one, so the option never silently does nothing.
 */
public interface CachedReads {

    CacheSetting cache();
}
