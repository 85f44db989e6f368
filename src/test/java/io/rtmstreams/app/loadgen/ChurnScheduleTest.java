package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.Prefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The churn: deterministic by seed, in the mix's proportions, consistent with what was advertised. */
class ChurnScheduleTest {

    private static final ChurnMix MIX = new ChurnMix(70, 25, 5);

    @Test
    void theSameSeedGivesTheSameChurnAndAnotherSeedOther() {
        assertThat(encoded(churn(7, 10, 300))).isEqualTo(encoded(churn(7, 10, 300)));
        assertThat(encoded(churn(8, 10, 300))).isNotEqualTo(encoded(churn(7, 10, 300)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40})
    void eventsComeInTheMixsProportionsWhateverTheBatch(int batch) {
        Map<ChurnSchedule.Kind, Long> events = new EnumMap<>(ChurnSchedule.Kind.class);
        Map<ChurnSchedule.Kind, Long> messages = new EnumMap<>(ChurnSchedule.Kind.class);
        List<ChurnSchedule.Churn> churn = churn(3, batch, 60_000);
        for (ChurnSchedule.Churn c : churn) {
            events.merge(c.kind(), (long) c.events(), Long::sum);
            messages.merge(c.kind(), 1L, Long::sum);
        }

        long total = events.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(60_000);
        assertThat(events.get(ChurnSchedule.Kind.UPDATE) / (double) total).isCloseTo(0.70, within(0.02));
        assertThat(events.get(ChurnSchedule.Kind.WITHDRAWAL) / (double) total).isCloseTo(0.25, within(0.02));
        assertThat(events.get(ChurnSchedule.Kind.FLAP) / (double) total).isCloseTo(0.05, within(0.01));
        assertThat(messages.get(ChurnSchedule.Kind.FLAP)).isEqualTo(events.get(ChurnSchedule.Kind.FLAP));
    }

    @Test
    void messagesNeverExceedTheBatchNorTheEventsLeft() {
        List<ChurnSchedule.Churn> churn = churn(11, 5_000, 123_457);

        assertThat(churn).allSatisfy(c -> {
            assertThat(c.events()).isBetween(1, 5_000);
            assertThat(c.commands()).allMatch(command -> command.adverts() <= 5_000);
        });
        assertThat(churn.stream().mapToLong(ChurnSchedule.Churn::events).sum()).isEqualTo(123_457);
        assertThat(churn.stream().mapToInt(ChurnSchedule.Churn::events).distinct().count())
                .as("batched runs vary in size").isGreaterThan(10);
    }

    @Test
    void singleCommandsCarryOneRouteEach() {
        assertThat(churn(2, 1, 2_000)).flatMap(ChurnSchedule.Churn::commands).allSatisfy(c -> {
            if (c instanceof FleetCommand.Advertise a) {
                assertThat(a.batch()).isFalse();
            } else if (c instanceof FleetCommand.Withdraw w) {
                assertThat(w.batch()).isFalse();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 300})
    void everyWithdrawalNamesARouteThatIsAdvertisedThenEvenWhenTheTableRunsDry(int batch) {
        FleetShape shape = TestTables.shape(2, 400, 3, 2);
        FleetModel model = new FleetModel(shape);
        Set<String> advertised = new HashSet<>();
        InitialLoad load = new InitialLoad(model, batch);
        load.tables().forEachRemaining(c -> follow(c, advertised));
        ChurnSchedule schedule = new ChurnSchedule(model, new ChurnMix(10, 90, 0), batch, new SplittableRandom(4));
        int withdrawals = 0;

        for (long events = 0; events < 20_000; ) {
            ChurnSchedule.Churn c = schedule.next(20_000 - events);
            events += c.events();
            for (FleetCommand command : c.commands()) {
                if (command instanceof FleetCommand.Withdraw w) {
                    withdrawals += w.dests().size();
                    assertThat(w.dests()).doesNotHaveDuplicates().allSatisfy(d ->
                            assertThat(advertised).contains(key(w.router(), w.neighbour(), d)));
                }
                follow(command, advertised);
            }
        }

        assertThat(withdrawals).isGreaterThan(1_600);
        assertThat(advertised).hasSize((int) model.advertisedRoutes());
    }

    @Test
    void aPeerWithNothingLeftToWithdrawReannouncesInstead() {
        FleetModel model = new FleetModel(TestTables.shape(1, 3, 1, 1));
        new InitialLoad(model, 3).table(0).forEachRemaining(c -> { });
        ChurnSchedule schedule = new ChurnSchedule(model, new ChurnMix(0, 1, 0), 3, new SplittableRandom(1));

        List<ChurnSchedule.Kind> kinds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            kinds.add(schedule.next(3).kind());
        }

        assertThat(kinds).contains(ChurnSchedule.Kind.UPDATE, ChurnSchedule.Kind.WITHDRAWAL);
        assertThat(model.advertisedRoutes()).isBetween(0L, 3L);
    }

    @Test
    void aFlapIsItsInterfaceGoingDownThenUp() {
        List<ChurnSchedule.Churn> flaps = churn(5, 1, 3_000).stream()
                .filter(c -> c.kind() == ChurnSchedule.Kind.FLAP).toList();

        assertThat(flaps).isNotEmpty().allSatisfy(f -> {
            assertThat(f.events()).isEqualTo(1);
            assertThat(f.commands()).hasSize(2);
            FleetCommand.InterfaceChange down = (FleetCommand.InterfaceChange) f.commands().get(0);
            FleetCommand.InterfaceChange up = (FleetCommand.InterfaceChange) f.commands().get(1);
            assertThat(down.connected()).isFalse();
            assertThat(up.connected()).isTrue();
            assertThat(up.router()).isEqualTo(down.router());
            assertThat(up.interfaceIndex()).isEqualTo(down.interfaceIndex());
            assertThat(List.of(down.type(), up.type())).containsOnly(
                    FleetCommand.InterfaceChange.Type.PARAMETER_CHANGE);
        });
    }

    @Test
    void anUpdateIsOneNeighboursRunWithOneNewMed() {
        FleetShape shape = TestTables.shape(1, 1_000, 2, 1);
        FleetModel model = new FleetModel(shape);
        ChurnSchedule schedule = new ChurnSchedule(model, new ChurnMix(1, 0, 0), 50, new SplittableRandom(9));

        FleetCommand.Advertise update = (FleetCommand.Advertise) schedule.next(1_000).commands().get(0);

        List<Prefix> table = shape.table(0).stream().map(RibEntry::prefix).toList();
        assertThat(update.routes()).allSatisfy(r -> {
            int slot = table.indexOf(r.dest());
            assertThat(shape.interfaceOf(slot)).isEqualTo(update.neighbour().interfaceIndex());
            assertThat(r.metric() & ((1 << 22) - 1)).isEqualTo(update.routes().get(0).metric() & ((1 << 22) - 1))
                    .isLessThan(ChurnSchedule.MED_RANGE);
        });
    }

    /** {@code events} of churn over 3 routers of 2,000 prefixes behind 4 interfaces, after their initial load. */
    private static List<ChurnSchedule.Churn> churn(long seed, int batch, long events) {
        FleetModel model = new FleetModel(TestTables.shape(3, 2_000, 4, 1));
        new InitialLoad(model, batch).tables().forEachRemaining(c -> { });
        ChurnSchedule schedule = new ChurnSchedule(model, MIX, batch, new SplittableRandom(seed));
        List<ChurnSchedule.Churn> out = new ArrayList<>();
        for (long sent = 0; sent < events; ) {
            ChurnSchedule.Churn c = schedule.next(events - sent);
            sent += c.events();
            out.add(c);
        }
        return out;
    }

    private static List<String> encoded(List<ChurnSchedule.Churn> churn) {
        return churn.stream().flatMap(c -> c.commands().stream())
                .map(c -> new String(CommandEncoder.encode(c), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static void follow(FleetCommand command, Set<String> advertised) {
        if (command instanceof FleetCommand.Advertise a) {
            a.routes().forEach(r -> advertised.add(key(a.router(), a.neighbour(), r.dest())));
        } else if (command instanceof FleetCommand.Withdraw w) {
            w.dests().forEach(d -> advertised.remove(key(w.router(), w.neighbour(), d)));
        }
    }

    private static String key(String router, FleetCommand.Neighbour neighbour, Prefix dest) {
        return router + "|" + neighbour + "|" + dest;
    }
}
