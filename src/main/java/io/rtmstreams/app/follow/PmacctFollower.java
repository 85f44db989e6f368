package io.rtmstreams.app.follow;

import io.rtmstreams.app.follow.pmacct.FollowState;
import io.rtmstreams.app.follow.pmacct.MappedRecord;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper.Mapped;
import io.rtmstreams.app.follow.pmacct.PmacctCommandMapper;
import io.rtmstreams.app.follow.pmacct.PmacctTally;
import io.rtmstreams.app.importer.ImportRecord;
import io.rtmstreams.contract.Rejection;
import io.rtmstreams.streams.JsonSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * {@code follow pmacct}: a consume–transform–produce loop, exactly once, from pmacct's BMP msglog (and dump) topic to
 * the contract's input topics, through {@link PmacctCommandMapper}.
 *
 * <p>One transaction holds, for the input records it consumed: the commands and interface changes they map to (each
 * with its input record's timestamp, keyed by router with the default partitioner, as the contract asks), the
 * rejected records of the malformed ones, the new state of every router they changed (a compacted topic, one record
 * per router) and the input offsets. Before each commit the mapper's open batches are closed, so nothing mapped is
 * held outside a transaction. A restart reads the state topic back and continues from the committed offsets: it maps
 * the next record as the last run would have. The transactional id is the adapter's name: a second instance of the
 * same adapter fences the first.
 *
 * <p>Records are taken from the input partitions in timestamp order ({@link TimestampMerge}), so live records and a
 * dump's records on two topics, or a router's records spread over partitions, meet in the collector's order.
 */
public final class PmacctFollower {

    /** What the adapter tells while it runs. */
    public interface Listener {
        /** After each commit: the totals so far and the input lag. */
        void committed(Totals totals);

        /** A problem it recovers from. */
        void warning(String message);
    }

    /** The totals of a run, counted at commits: what is in Kafka. */
    public record Totals(long records, long commands, long interfaces, long rejected, long transactions, long lag,
                         PmacctTally tally) {
    }

    static final int MAX_TRANSACTION_RECORDS = 10_000;
    static final long MAX_IDLE_MS = 1_000;
    private static final int PAUSE_AT = 20_000;
    private static final int RESUME_AT = 5_000;
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final FollowSettings settings;
    private final Listener listener;
    private long records;
    private long commands;
    private long interfaces;
    private long rejected;
    private long transactions;
    private PmacctTally tally = new PmacctTally();

    public PmacctFollower(FollowSettings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Runs until {@code stop} says so (the open transaction is committed first). A failure a new session can get
     * past (a broker gone, an aborted transaction) starts one, from the last commit; a fenced producer (another
     * instance of this adapter took over) or a refused authorization ends the run with an exception.
     */
    public Totals run(BooleanSupplier stop) throws InterruptedException, ExecutionException {
        checkTopics();
        while (true) {
            try (Session session = new Session()) {
                session.run(stop);
                return totals(0);
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw new IllegalStateException("another 'follow pmacct' named " + settings.name()
                        + " took over (its transactional id fenced this one)", e);
            } catch (AuthenticationException | AuthorizationException e) {
                throw e;
            } catch (KafkaException e) {
                listener.warning("restarting from the last commit after: " + e);
                if (stop.getAsBoolean()) {
                    return totals(0);
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private Totals totals(long lag) {
        return new Totals(records, commands, interfaces, rejected, transactions, lag, tally);
    }

    /** The input topics must exist; the state topic is created (compacted) when it does not. */
    private void checkTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(new HashMap<>(settings.client()))) {
            List<String> needed = new ArrayList<>(settings.inputTopics());
            needed.addAll(List.of(settings.topics().routeAdverts(), settings.topics().interfaceChanges(),
                    settings.topics().rejected()));
            try {
                admin.describeTopics(needed).allTopicNames().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new IllegalStateException("the topics " + needed + " do not all exist: the collector's "
                            + "topics are pmacct's to create, the contract's 'rtm-streams topics' creates", e.getCause());
                }
                throw e;
            }
            NewTopic state = new NewTopic(settings.stateTopic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(state)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /** One consumer, one transactional producer and the state they agree on, from the last commit on. */
    private final class Session implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        private final FollowState state = new FollowState();
        private final PmacctCommandMapper mapper = new PmacctCommandMapper(settings.mapping(), state);
        private final TimestampMerge<TopicPartition, ConsumerRecord<byte[], byte[]>> merge =
                new TimestampMerge<>(ConsumerRecord::timestamp, MAX_IDLE_MS);
        private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        private final JsonSerializer json = new JsonSerializer();
        private int inTransaction;
        private long transactionStart;
        private long txCommands;
        private long txInterfaces;
        private long txRejected;

        void run(BooleanSupplier stop) {
            producer.initTransactions();
            restoreState();
            List<TopicPartition> partitions = inputPartitions();
            consumer.assign(partitions);
            merge.assign(partitions, System.currentTimeMillis());
            tally = mapper.tally();
            while (!stop.getAsBoolean()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
                for (TopicPartition tp : polled.partitions()) {
                    merge.add(tp, polled.records(tp));
                }
                processReady();
                flowControl(partitions);
                long now = System.currentTimeMillis();
                if (inTransaction > 0 && (merge.isEmpty() || inTransaction >= MAX_TRANSACTION_RECORDS
                        || now - transactionStart >= settings.commitInterval().toMillis())) {
                    commit(lag(partitions));
                }
            }
            if (inTransaction > 0) {
                commit(lag(partitions));
            }
        }

        private void processReady() {
            long now = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> r = merge.next(now, this::caughtUp); r != null;
                 r = merge.next(now, this::caughtUp)) {
                if (inTransaction == 0) {
                    producer.beginTransaction();
                    transactionStart = now;
                }
                process(r);
                if (++inTransaction >= MAX_TRANSACTION_RECORDS) {
                    return;
                }
            }
        }

        private void process(ConsumerRecord<byte[], byte[]> r) {
            Mapped mapped = r.value() == null ? new Mapped.Malformed("no value (a tombstone)")
                    : mapper.map(r.value(), r.timestamp());
            if (mapped instanceof Mapped.Commands c) {
                c.records().forEach(this::send);
            } else if (mapped instanceof Mapped.Malformed m) {
                reject(r, m.reason());
            }
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }

        private void send(MappedRecord m) {
            ImportRecord r = m.record();
            boolean itf = r.kind() == ImportRecord.Kind.INTERFACE;
            String topic = itf ? settings.topics().interfaceChanges() : settings.topics().routeAdverts();
            producer.send(new ProducerRecord<>(topic, null, r.timestampMs(), utf8(m.router()),
                    json.serialize(topic, r.value())));
            if (itf) {
                txInterfaces++;
            } else {
                txCommands++;
            }
        }

        private void reject(ConsumerRecord<byte[], byte[]> r, String reason) {
            String topic = settings.topics().rejected();
            producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), json.serialize(topic,
                    Rejection.of(reason, r.topic(), r.partition(), r.offset(), r.key(), r.value()))));
            txRejected++;
        }

        /** Closes the open batches, writes the changed routers' state and the offsets, and commits. */
        private void commit(long lag) {
            mapper.flush().forEach(this::send);
            state.drainChanges().forEach((key, value) -> producer.send(new ProducerRecord<>(settings.stateTopic(),
                    utf8(key), value)));
            producer.sendOffsetsToTransaction(Map.copyOf(offsets), consumer.groupMetadata());
            producer.commitTransaction();
            records += inTransaction;
            commands += txCommands;
            interfaces += txInterfaces;
            rejected += txRejected;
            transactions++;
            inTransaction = 0;
            txCommands = 0;
            txInterfaces = 0;
            txRejected = 0;
            offsets.clear();
            listener.committed(totals(lag));
        }

        /** Every router's state as the last commit left it. */
        private void restoreState() {
            Map<String, Object> properties = consumerProperties();
            properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
            try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                TopicPartition tp = new TopicPartition(settings.stateTopic(), 0);
                reader.assign(List.of(tp));
                reader.seekToBeginning(List.of(tp));
                long end = reader.endOffsets(List.of(tp)).get(tp);
                while (reader.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : reader.poll(POLL)) {
                        if (r.value() != null) {
                            state.restore(new String(r.key(), StandardCharsets.UTF_8), r.value());
                        }
                    }
                }
            }
        }

        private List<TopicPartition> inputPartitions() {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : settings.inputTopics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                infos.stream().sorted(Comparator.comparingInt(PartitionInfo::partition))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return partitions;
        }

        /** Bounded buffers: a partition far ahead of the others waits in the broker, not in memory. */
        private void flowControl(List<TopicPartition> partitions) {
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                int n = merge.buffered(tp);
                if (n >= PAUSE_AT) {
                    pause.add(tp);
                } else if (n <= RESUME_AT && consumer.paused().contains(tp)) {
                    resume.add(tp);
                }
            }
            consumer.pause(pause);
            consumer.resume(resume);
        }

        private boolean caughtUp(TopicPartition tp) {
            OptionalLong lag = consumer.currentLag(tp);
            return lag.isPresent() && lag.getAsLong() == 0;
        }

        private long lag(List<TopicPartition> partitions) {
            long total = 0;
            for (TopicPartition tp : partitions) {
                total += consumer.currentLag(tp).orElse(0) + merge.buffered(tp);
            }
            return total;
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
            consumer.close();
        }
    }

    /** The user's client properties, with what exactly once needs; tuning the user did not set. */
    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>(settings.client());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.name());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.startAtLatest() ? "latest" : "earliest");
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return p;
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(settings.client());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, settings.name());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.name());
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
