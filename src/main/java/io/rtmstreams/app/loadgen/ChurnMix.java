package io.rtmstreams.app.loadgen;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How churn divides between route updates, route withdrawals and interface flaps: weights of events, where an event
 * is one route updated, one route withdrawn or one interface flapped (down, then up). Written
 * {@code UPDATES:WITHDRAWALS:FLAPS}, for example {@code 90:10:0}; weights are non-negative and not all zero.
 */
public record ChurnMix(double updates, double withdrawals, double flaps) {

    public ChurnMix {
        if (!(updates >= 0 && withdrawals >= 0 && flaps >= 0) || updates + withdrawals + flaps <= 0
                || Double.isInfinite(updates + withdrawals + flaps)) {
            throw new IllegalArgumentException("the weights are finite, not negative and not all 0");
        }
    }

    /** {@code UPDATES:WITHDRAWALS:FLAPS}, each a decimal number. */
    public static ChurnMix parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not UPDATES:WITHDRAWALS:FLAPS (for example 90:10:0)");
        }
        try {
            return new ChurnMix(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the weights are numbers (for example 90:10:0)");
        }
    }

    /**
     * The kind of the next churn message. An update or a withdrawal message carries {@code routesPerMessage} routes
     * on average and a flap is one event, so each is drawn with its weight divided by the events it carries: the
     * events, not the messages, then come in the mix's proportions.
     */
    public ChurnSchedule.Kind pick(SplittableRandom random, double routesPerMessage) {
        double u = updates / routesPerMessage;
        double w = withdrawals / routesPerMessage;
        double x = random.nextDouble() * (u + w + flaps);
        if (x < u || w == 0 && flaps == 0) {
            return ChurnSchedule.Kind.UPDATE;
        }
        return x < u + w || flaps == 0 ? ChurnSchedule.Kind.WITHDRAWAL : ChurnSchedule.Kind.FLAP;
    }

    @Override
    public String toString() {
        return number(updates) + ":" + number(withdrawals) + ":" + number(flaps);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
