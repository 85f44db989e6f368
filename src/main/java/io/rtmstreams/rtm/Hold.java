package io.rtmstreams.rtm;

/**
 * Hold-down state of a destination (R87–R96). {@code armedMs} is the largest hold time requested since the last
 * hold-down began (0: not armed); a hold-down that is running has {@code deadline > 0}, counted from the deletion
 * that started it ({@code startedAt}) with the largest armed time ({@code runningMs}) (R89, R91, R96).
 */
public record Hold(long armedMs, long startedAt, long runningMs, long deadline) {

    public static final Hold NONE = new Hold(0, 0, 0, 0);

    public boolean armed() {
        return armedMs > 0;
    }

    public boolean running() {
        return deadline > 0;
    }
}
