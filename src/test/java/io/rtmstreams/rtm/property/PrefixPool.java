package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random prefixes of both families that nest: a pool grown from a few random roots by narrowing (a longer prefix
 * inside) and widening (a shorter one around), so that covering chains, siblings and default routes are common.
 */
final class PrefixPool {

    private final SplittableRandom rnd;
    private final List<Prefix> pool = new ArrayList<>();

    PrefixPool(SplittableRandom rnd, int size) {
        this.rnd = rnd;
        for (IpFamily f : IpFamily.values()) {
            if (rnd.nextInt(3) > 0) {
                pool.add(Prefix.defaultRoute(f));
            }
            for (int i = 0; i < 3; i++) {
                pool.add(Prefix.of(randomAddress(f), rnd.nextInt(f.bits() + 1)));
            }
        }
        while (pool.size() < size) {
            Prefix p = pool.get(rnd.nextInt(pool.size()));
            pool.add(rnd.nextInt(3) == 0 ? widen(p) : narrow(p));
        }
    }

    List<Prefix> all() {
        return pool;
    }

    Prefix any() {
        return pool.get(rnd.nextInt(pool.size()));
    }

    /** A prefix to look up: a pool member, one near it (inside or around), or a random one. */
    Prefix probe() {
        int k = rnd.nextInt(10);
        if (k < 4) {
            return any();
        } else if (k < 7) {
            return narrow(any());
        } else if (k < 9) {
            return widen(any());
        }
        IpFamily f = rnd.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
        return Prefix.of(randomAddress(f), rnd.nextInt(f.bits() + 1));
    }

    /** A prefix inside {@code p}: equal or longer, with random bits after p's length. */
    Prefix narrow(Prefix p) {
        int w = p.family().bits();
        byte[] b = p.address().toBytes();
        for (int bit = p.length(); bit < w; bit++) {
            if (rnd.nextBoolean()) {
                b[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            }
        }
        int extra = rnd.nextInt(4) == 0 ? w - p.length() : rnd.nextInt(Math.min(9, w - p.length() + 1));
        return Prefix.of(IpAddress.ofBytes(b), rnd.nextInt(p.length(), p.length() + extra + 1));
    }

    /** A prefix around {@code p}: equal or shorter. */
    Prefix widen(Prefix p) {
        int less = rnd.nextInt(4) == 0 ? p.length() : rnd.nextInt(Math.min(9, p.length() + 1));
        return p.truncate(p.length() - less);
    }

    private IpAddress randomAddress(IpFamily f) {
        byte[] b = new byte[f.bytes()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return IpAddress.ofBytes(b);
    }
}
