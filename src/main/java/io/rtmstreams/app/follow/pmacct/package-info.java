/**
 * {@code rtm-streams follow pmacct}: pmacct's BMP msglog (its Kafka topic of JSON records) to contract commands.
 * {@link io.rtmstreams.app.follow.pmacct.PmacctCommandMapper} is the mapping, pure (no Kafka, checked by
 * LayeringTest); what it remembers between records is a {@link io.rtmstreams.app.follow.pmacct.FollowState}, for the
 * loop around it to keep durable with its output, so that a restart maps the next record as the last run would have.
 */
package io.rtmstreams.app.follow.pmacct;
