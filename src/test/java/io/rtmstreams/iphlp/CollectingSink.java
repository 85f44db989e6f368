package io.rtmstreams.iphlp;

import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.Effects;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.Notification;

import java.util.ArrayList;
import java.util.List;

/** Collects what an operation streams out, as the topology would receive it. */
final class CollectingSink implements EffectSink {

    private final List<DestChange> changes = new ArrayList<>();
    private final List<EntityEvent> events = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();

    @Override
    public void change(DestChange change) {
        changes.add(change);
    }

    @Override
    public void event(EntityEvent event) {
        events.add(event);
    }

    @Override
    public void notify(Notification notification) {
        notifications.add(notification);
    }

    Effects effects() {
        return new Effects(changes, events, notifications);
    }
}
