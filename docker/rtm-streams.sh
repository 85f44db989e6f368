#!/bin/sh
# The rtm-streams command inside the image: `rtm-streams run`, `rtm-streams query /health`, ...
# exec hands PID 1 to the JVM, so signals reach it directly.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose.
exec java ${JAVA_OPTS:-} -jar /opt/rtm-streams/rtm-streams.jar "$@"
