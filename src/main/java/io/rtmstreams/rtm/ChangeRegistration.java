package io.rtmstreams.rtm;

/**
 * A change-notification registration (R97): owned by one entity of one table, for a set of views and change
 * types, optionally only for destinations it has marked (R105, R106).
 */
public record ChangeRegistration(String id, TableId table, EntityId owner, int views, int changeTypes,
                                 boolean onlyMarked) {

    /** The change types this registration is told about for a change of {@code types} in {@code view} (R105). */
    int interest(View view, int types) {
        return view.in(views) ? types & changeTypes : 0;
    }
}
