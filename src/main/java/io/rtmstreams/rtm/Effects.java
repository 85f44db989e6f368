package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/** Everything an operation or a timer produced for the outside world, in the order it happened. */
public record Effects(List<DestChange> destChanges, List<EntityEvent> events, List<Notification> notifications) {

    public static final Effects NONE = new Effects(List.of(), List.of(), List.of());

    public Effects {
        destChanges = List.copyOf(destChanges);
        events = List.copyOf(events);
        notifications = List.copyOf(notifications);
    }

    public boolean isEmpty() {
        return destChanges.isEmpty() && events.isEmpty() && notifications.isEmpty();
    }

    /** Collects effects while an operation runs. */
    static final class Builder implements EffectSink {
        final List<DestChange> destChanges = new ArrayList<>();
        final List<EntityEvent> events = new ArrayList<>();
        final List<Notification> notifications = new ArrayList<>();

        @Override
        public void change(DestChange c) {
            destChanges.add(c);
        }

        @Override
        public void event(EntityEvent e) {
            events.add(e);
        }

        @Override
        public void notify(Notification n) {
            notifications.add(n);
        }

        /** Hands everything collected to another sink, kind by kind, each in the order it happened. */
        void replayTo(EffectSink sink) {
            destChanges.forEach(sink::change);
            events.forEach(sink::event);
            notifications.forEach(sink::notify);
        }

        Effects build() {
            return destChanges.isEmpty() && events.isEmpty() && notifications.isEmpty()
                    ? NONE : new Effects(destChanges, events, notifications);
        }
    }
}
