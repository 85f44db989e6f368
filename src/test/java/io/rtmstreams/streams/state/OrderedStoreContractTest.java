package io.rtmstreams.streams.state;

import io.rtmstreams.rtm.state.Cursor;
import io.rtmstreams.rtm.state.InMemoryStores;
import io.rtmstreams.rtm.state.OrderedStore;
import io.rtmstreams.rtm.state.StoreSpec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage port behaves the same on the in-memory maps of the domain tests and on a Kafka Streams store shared
 * by several namespaces: keys sort unsigned, upper bounds are exclusive, open bounds stay inside the namespace, and
 * keys come back without the namespace byte.
 */
class OrderedStoreContractTest {

    private final KeyValueStore<Bytes, byte[]> kafka = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("shared"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled().withCachingDisabled().build();

    OrderedStoreContractTest() {
        kafka.init(new MockProcessorContext<>().getStateStoreContext(), kafka);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void shouldAgreeWithTheInMemoryStoreOnEveryRangeWhileNeighbouringNamespacesHoldData() {
        OrderedStore<String> below = KafkaOrderedStore.of(kafka, 4, RtmCodecs.STRING);
        OrderedStore<String> port = KafkaOrderedStore.of(kafka, 5, RtmCodecs.STRING);
        OrderedStore<String> above = KafkaOrderedStore.of(kafka, 6, RtmCodecs.STRING);
        OrderedStore<String> model = new InMemoryStores().store(new StoreSpec<>("model", String.class));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            byte[] key = randomKey(random);
            String value = "v" + i;
            port.put(key, value);
            model.put(key, value);
            below.put(randomKey(random), "below");
            above.put(randomKey(random), "above");
            if (random.nextInt(5) == 0) {
                port.delete(key);
                model.delete(key);
            }
        }
        for (int i = 0; i < 300; i++) {
            byte[] from = random.nextInt(4) == 0 ? null : randomKey(random);
            byte[] to = random.nextInt(4) == 0 ? null : randomKey(random);
            assertThat(read(port.range(from, to))).isEqualTo(read(model.range(from, to)));
            assertThat(read(port.reverseRange(from, to))).isEqualTo(read(model.reverseRange(from, to)));
            byte[] probe = randomKey(random);
            assertThat(port.get(probe)).isEqualTo(model.get(probe));
        }
    }

    @Test
    void shouldExcludeTheUpperBoundAndStripTheNamespaceFromKeys() {
        OrderedStore<String> port = KafkaOrderedStore.of(kafka, 9, RtmCodecs.STRING);
        port.put(new byte[]{1}, "a");
        port.put(new byte[]{2}, "b");
        port.put(new byte[]{(byte) 0xFF}, "c");

        assertThat(keys(port.range(new byte[]{1}, new byte[]{2}))).containsExactly("01");
        assertThat(keys(port.reverseRange(null, null))).containsExactly("ff", "02", "01");
        assertThat(keys(port.range(new byte[]{2}, new byte[]{1}))).isEmpty();
    }

    private static byte[] randomKey(SplittableRandom random) {
        byte[] k = new byte[1 + random.nextInt(3)];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (random.nextInt(4) == 0 ? 0xFF : random.nextInt(4));
        }
        return k;
    }

    private static List<String> read(Cursor<String> c) {
        List<String> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(e -> out.add(hex(e.key()) + "=" + e.value()));
        }
        return out;
    }

    private static List<String> keys(Cursor<String> c) {
        List<String> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(e -> out.add(hex(e.key())));
        }
        return out;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

}
