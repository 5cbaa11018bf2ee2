package io.openekyc.vision.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Wall-clock samples per named stage, gathered by any number of threads; summarised as median and p95. */
final class StageTimes {

    /** One round of the work being measured, recording its stages into the given times. */
    interface Round {
        void run(StageTimes times) throws Exception;
    }

    interface Work<T> {
        T get() throws Exception;
    }

    private final Map<String, List<Double>> samples = new ConcurrentHashMap<>();

    /** Runs {@code warmUp} unrecorded rounds, then {@code iterations} rounds on each of {@code threads} threads. */
    static List<FaceBenchmark.Stage> measure(Round round, int warmUp, int threads, int iterations, List<String> order)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            round.run(new StageTimes()); // first runs pay for session initialisation and JIT
        }
        StageTimes times = new StageTimes();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < iterations; i++) {
                        round.run(times);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        List<FaceBenchmark.Stage> stages = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : times.samples.entrySet()) {
            List<Double> values = new ArrayList<>(entry.getValue());
            Collections.sort(values);
            stages.add(new FaceBenchmark.Stage(entry.getKey(), threads, values.size(), percentile(values, 0.5),
                    percentile(values, 0.95)));
        }
        stages.sort((a, b) -> Integer.compare(order.indexOf(a.name()), order.indexOf(b.name())));
        return stages;
    }

    <T> T time(String stage, Work<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.get();
        record(stage, start);
        return result;
    }

    void record(String stage, long start) {
        samples.computeIfAbsent(stage, k -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    static io.openekyc.vision.image.RgbImage decode(io.openekyc.vision.image.ImageDecoder decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (io.openekyc.vision.image.ImageRejected e) {
            throw new IllegalArgumentException("benchmark image rejected: " + e.getMessage());
        }
    }

    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
