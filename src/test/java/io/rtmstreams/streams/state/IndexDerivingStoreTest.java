package io.rtmstreams.streams.state;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.RandomDestinations;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.RouteLocation;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.RtmQueries;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.WorkBudget;
import io.rtmstreams.rtm.property.Replay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.internals.StateRestoreCallbackAdapter;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link IndexDerivingStore} on Kafka's RocksDB store: the indexes that follow from the destinations are the same
 * whether the destinations were written by a processor or restored from the changelog (a crash's tail, a new
 * instance, a standby), from an empty store or on top of what it holds, replays included; a store without them
 * (version 1's, or a rebuild cut short) gets them when it opens, and version 1's logged index entries are deleted
 * through the task's store, deleted routes (R80) kept. D19, D22. What it publishes for the query API
 * ({@link CommittedTables}) shows the processor's writes once the store commits, restored records at once, and what
 * the store holds when it opens.
 */
class IndexDerivingStoreTest {

    private static final Codec<Destination> DESTINATION = StoreRegistry.namespace(RtmStores.DESTINATIONS).codec();
    private static final int STEPS = 400;

    @TempDir
    Path dir;
    private final List<KeyValueStore<Bytes, byte[]>> open = new ArrayList<>();
    private StateRestoreCallback restore;

    static LongStream seeds() {
        return Replay.seeds(20);
    }

    @AfterEach
    void close() {
        open.forEach(KeyValueStore::close);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldDeriveFromRestoredRecordsWhatTheSameWritesDerive(long seed) {
        List<KeyValue<Bytes, byte[]>> writes = writes(seed);
        IndexDerivingStore written = written("written", writes);
        IndexDerivingStore restored = open("restored");

        restoreInBatches(writes, new SplittableRandom(seed));

        assertThat(contents(restored)).isEqualTo(contents(written));
        assertThat(namespaces(written)).containsKeys(21, 22, 23, 24, StoreRegistry.DERIVED_STATE_NAMESPACE);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldDeriveARestoredTailOnTopOfTheStoreAndAReplayOfItAgain(long seed) {
        List<KeyValue<Bytes, byte[]>> writes = writes(seed);
        IndexDerivingStore written = written("written", writes);
        IndexDerivingStore crashed = open("crashed");
        int flushed = writes.size() / 2;
        writes.subList(0, flushed).forEach(w -> write(crashed, w)); // no reads: the old values come from RocksDB

        SplittableRandom random = new SplittableRandom(seed);
        restoreInBatches(writes.subList(flushed - flushed / 4, writes.size()), random); // from an older offset
        restoreInBatches(writes.subList(flushed, writes.size()), random);

        assertThat(contents(crashed)).isEqualTo(contents(written));
    }

    @Test
    void shouldRebuildIndexesThatAreMissingOrStaleWhenItOpens() {
        List<KeyValue<Bytes, byte[]>> writes = writes(7);
        IndexDerivingStore written = written("written", writes);
        IndexDerivingStore cutShort = written("cut-short", writes);
        KeyValueStore<Bytes, byte[]> rocksDb = cutShort.wrapped();
        rocksDb.delete(Bytes.wrap(DerivedEntries.STATE_KEY));
        rocksDb.put(Bytes.wrap(new byte[]{22, 1, 2, 3}), new byte[]{1}); // an entry of no destination
        deleteNamespace(rocksDb, 21);

        IndexDerivingStore reopened = reopen(cutShort, "cut-short");

        assertThat(contents(reopened)).isEqualTo(contents(written));
    }

    @Test
    void shouldBuildVersion1StatesIndexesOnOpeningAndDeleteItsOwnThroughTheTasksStore() {
        List<KeyValue<Bytes, byte[]>> writes = writes(11);
        IndexDerivingStore current = written("current", writes);
        IndexDerivingStore version1 = written("version1", writes);
        List<Bytes> deletedRoutes = List.of(deletedRoute(current, 9_001), deletedRoute(version1, 9_001),
                deletedRoute(current, 9_002), deletedRoute(version1, 9_002));
        Version1Layout.rewrite(version1);
        IndexDerivingStore upgraded = reopen(version1, "version1");
        assertThat(derived(upgraded)).isEqualTo(derived(current));

        List<Bytes> logged = new ArrayList<>();
        KeyValueStore<Bytes, byte[]> task = loggingDeletes(upgraded, logged);
        assertThat(Version1Indexes.of(task).step(WorkBudget.of(50, Long.MAX_VALUE, System::nanoTime))).isFalse();
        assertThat(Version1Indexes.of(task).step(WorkBudget.unlimited())).as("goes on after a restart").isTrue();

        assertThat(contents(upgraded)).isEqualTo(contents(current));
        assertThat(Version1Indexes.of(task).pending()).isFalse();
        assertThat(logged).hasSize(version1Entries(current)).noneMatch(deletedRoutes::contains)
                .allMatch(k -> List.of(2, 3, 4).contains(k.get()[0] & 0xFF));
    }

    // ---- committed tables: what the query API reads without the store ------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldPublishTheProcessorsWritesOnlyWhenTheStoreCommits(long seed) {
        List<RandomDestinations.Change> changes = changes(seed);
        IndexDerivingStore store = open("committing");
        CommittedTables committed = CommittedTables.of(store);
        int half = changes.size() / 2;
        changes.subList(0, half).forEach(c -> write(store, write(c)));
        store.commit(Map.of());
        IndexDerivingStore atHalf = written("at-half", writes(changes.subList(0, half)));

        changes.subList(half, changes.size()).forEach(c -> write(store, write(c)));

        assertSameLookups(changes, committed, atHalf);
        store.commit(Map.of());
        assertSameLookups(changes, committed, store);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldPublishRestoredRecordsAtOnceAndWhatTheStoreHoldsWhenItOpens(long seed) {
        List<RandomDestinations.Change> changes = changes(seed);
        IndexDerivingStore restored = open("restored");
        int half = changes.size() / 2;
        restoreInBatches(writes(changes.subList(0, half)), new SplittableRandom(seed));
        assertSameLookups(changes, CommittedTables.of(restored), restored);

        CommittedTables before = CommittedTables.of(restored);
        changes.subList(half, changes.size()).forEach(c -> write(restored, write(c)));
        IndexDerivingStore reopened = reopen(restored, "restored"); // closed without a commit

        assertThat(before.isOpen()).isFalse();
        assertThat(CommittedTables.of(restored)).as("a closed store publishes nothing").isNull();
        assertSameLookups(changes, CommittedTables.of(reopened), reopened);
    }

    /** Every lookup of GetBestRoute2's walk around the changed prefixes answers as the store's own walk does. */
    private static void assertSameLookups(List<RandomDestinations.Change> changes, CommittedTables committed,
                                          KeyValueStore<Bytes, byte[]> store) {
        RtmQueries stored = new RtmQueries(StoreRegistry.readOnly(store), RtmConfig.DEFAULTS, RouteCostModel.PLAIN);
        for (RandomDestinations.Change c : changes) {
            Prefix p = c.prefix();
            for (Prefix probe : List.of(p, Prefix.host(p.address()), p.truncate(p.length() / 2))) {
                for (int views : List.of(View.UNICAST.mask(), View.MASK_ANY)) {
                    assertThat(committed.longestCovering(c.table(), probe, views)).as("%s %s in %s", c.table(), probe,
                            views).isEqualTo(stored.longestCovering(c.table(), probe, views));
                }
            }
        }
    }

    @Test
    void shouldRefuseWritesToTheDerivedIndexesFromAbove() {
        IndexDerivingStore store = open("refuses");
        Bytes derived = Bytes.wrap(new byte[]{(byte) StoreRegistry.FIRST_DERIVED_NAMESPACE, 1});

        assertThatThrownBy(() -> store.put(derived, new byte[]{1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(derived)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- stores -----------------------------------------------------------------------------------------------

    /** A deriving store over RocksDB in its own directory; the restore callback it registers is kept. */
    private IndexDerivingStore open(String name) {
        MockProcessorContext<Object, Object> ctx = new MockProcessorContext<>(new Properties(), new TaskId(0, 0),
                dir.resolve(name).toFile());
        IndexDerivingStore store = IndexDerivingStore.wrap(Stores.persistentKeyValueStore(StoreRegistry.TABLE_STATE)
                .get());
        store.init(new RestoreInterceptingContext(ctx.getStateStoreContext(), callback -> restore = callback), store);
        open.add(store);
        return store;
    }

    /**
     * A store opened and written through as a processor writes it: reading a destination just before writing it
     * (the store then takes what it read for the old value), or another one, or none since the last write.
     */
    private IndexDerivingStore written(String name, List<KeyValue<Bytes, byte[]>> writes) {
        IndexDerivingStore store = open(name);
        for (int i = 0; i < writes.size(); i++) {
            if (i % 3 < 2) {
                store.get(writes.get(i % 3 == 0 ? Math.max(0, i - 1) : i).key);
            }
            write(store, writes.get(i));
        }
        return store;
    }

    private IndexDerivingStore reopen(IndexDerivingStore store, String name) {
        open.remove(store);
        store.close();
        return open(name);
    }

    private static void write(KeyValueStore<Bytes, byte[]> store, KeyValue<Bytes, byte[]> w) {
        if (w.value == null) {
            store.delete(w.key);
        } else {
            store.put(w.key, w.value);
        }
    }

    /** Hands the last opened store's restore callback the writes as changelog records, in batches of 1 to 40. */
    private void restoreInBatches(List<KeyValue<Bytes, byte[]>> writes, SplittableRandom random) {
        for (int i = 0; i < writes.size(); ) {
            int n = Math.min(writes.size() - i, 1 + random.nextInt(40));
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (KeyValue<Bytes, byte[]> w : writes.subList(i, i + n)) {
                batch.add(new ConsumerRecord<>("changelog", 0, i + batch.size(), w.key.get(), w.value));
            }
            StateRestoreCallbackAdapter.adapt(restore).restoreBatch(batch);
            i += n;
        }
    }

    /** Random destination writes, deletes included, as the changelog layer passes them down. */
    private static List<KeyValue<Bytes, byte[]>> writes(long seed) {
        return writes(changes(seed));
    }

    private static List<KeyValue<Bytes, byte[]>> writes(List<RandomDestinations.Change> changes) {
        return changes.stream().map(IndexDerivingStoreTest::write).toList();
    }

    private static KeyValue<Bytes, byte[]> write(RandomDestinations.Change c) {
        return KeyValue.pair(physical(StoreRegistry.DESTINATIONS_NAMESPACE, c.key()),
                c.after() == null ? null : DESTINATION.encode(c.after()));
    }

    private static List<RandomDestinations.Change> changes(long seed) {
        RandomDestinations changes = new RandomDestinations(seed, true);
        List<RandomDestinations.Change> out = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            out.add(changes.next());
        }
        return out;
    }

    // ---- version 1 --------------------------------------------------------------------------------------------

    /** A deleted route in namespace 2, which both versions log (R80). */
    private static Bytes deletedRoute(KeyValueStore<Bytes, byte[]> store, long id) {
        TableId t = TableId.of("r1", 0, IpFamily.IPV4);
        Route r = new Route(id, EntityId.of(14, 1), null, 0, 1, 1, View.UNICAST.mask(), List.of(), null, null, 0, id,
                RouteCost.plain(0), 0);
        Bytes key = physical(2, new io.rtmstreams.rtm.state.KeyBuilder(16).string("r1").u64(id).build());
        store.put(key, StoreRegistry.namespace(RtmStores.DELETED_ROUTES).codec().encode(
                new RouteLocation(t, Prefix.parse("10.9.0.0/16"), r, 5)));
        return key;
    }

    private static int version1Entries(KeyValueStore<Bytes, byte[]> current) {
        Map<Integer, Long> n = namespaces(current);
        return (int) (n.getOrDefault(21, 0L) + n.getOrDefault(22, 0L) + n.getOrDefault(23, 0L));
    }

    /** The store as the task's would be seen by the sweep: its deletes are noted, as the changelog layer logs them. */
    @SuppressWarnings("unchecked")
    private static KeyValueStore<Bytes, byte[]> loggingDeletes(KeyValueStore<Bytes, byte[]> store, List<Bytes> log) {
        return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                new Class<?>[]{KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("delete")) {
                        log.add((Bytes) args[0]);
                    }
                    return method.invoke(store, args);
                });
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private static Map<String, String> contents(KeyValueStore<Bytes, byte[]> store) {
        return Version1Layout.contents(store);
    }

    private static Map<String, String> derived(KeyValueStore<Bytes, byte[]> store) {
        return Version1Layout.derived(contents(store));
    }

    private static Map<Integer, Long> namespaces(KeyValueStore<Bytes, byte[]> store) {
        Map<Integer, Long> out = new TreeMap<>();
        contents(store).keySet().forEach(k -> out.merge(Integer.parseInt(k.substring(0, 2), 16), 1L, Long::sum));
        return out;
    }

    private static void deleteNamespace(KeyValueStore<Bytes, byte[]> store, int ns) {
        contents(store).keySet().stream().filter(k -> Integer.parseInt(k.substring(0, 2), 16) == ns)
                .forEach(k -> store.delete(Bytes.wrap(HexFormat.of().parseHex(k))));
    }

    private static Bytes physical(int namespace, byte[] key) {
        byte[] k = new byte[key.length + 1];
        k[0] = (byte) namespace;
        System.arraycopy(key, 0, k, 1, key.length);
        return Bytes.wrap(k);
    }
}
