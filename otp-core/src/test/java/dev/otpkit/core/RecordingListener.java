package dev.otpkit.core;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every event it hears, for tests to read back; thread-safe. */
final class RecordingListener implements SecurityEventListener {
    private final List<SecurityEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(SecurityEvent event) {
        events.add(event);
    }

    /** The events heard so far, oldest first, and forgets them. */
    synchronized List<SecurityEvent> take() {
        List<SecurityEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** The kinds of the events heard so far, oldest first, and forgets them. */
    List<SecurityEvent.Kind> takeKinds() {
        return take().stream().map(SecurityEvent::kind).toList();
    }
}
