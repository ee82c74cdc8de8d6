package dev.oktyv.profiles.flame;

import dev.oktyv.results.profile.EventKind;

/** A profile with no samples of the requested event: we say so instead of writing an empty graph. */
public final class EmptyProfileException extends ProfileInputException {

    private static final long serialVersionUID = 1L;

    private final transient EventKind event;

    public EmptyProfileException(EventKind event) {
        super("the profile has no " + event.id() + " samples: nothing written");
        this.event = event;
    }

    public EmptyProfileException(EventKind event, String message) {
        super(message);
        this.event = event;
    }

    public EventKind event() {
        return event;
    }
}
