package dev.yolocam.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repeated wall-clock measurements of one stage: median, min, max in milliseconds. */
public final class Timings {
    private final String stage;
    private final List<Double> millis = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    public Timings(String stage) {
        this.stage = stage;
    }

    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code warmup} untimed and {@code runs} timed repetitions. */
    public static Timings measure(String stage, int warmup, int runs, Action action) throws Exception {
        return measure(stage, warmup, runs, action, () -> { });
    }

    /** As {@link #measure(String, int, int, Action)}, with {@code between} run untimed after every repetition. */
    public static Timings measure(String stage, int warmup, int runs, Action action, Runnable between)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
            between.run();
        }
        Timings t = new Timings(stage);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            t.add((System.nanoTime() - start) / 1e6);
            between.run();
        }
        return t;
    }

    /** The same measurements per item of a pass that processed {@code items} images. */
    public Timings perItem(int items) {
        Timings t = new Timings(stage);
        millis.forEach(ms -> t.add(ms / items));
        t.details.putAll(details);
        return t.detail("images_per_pass", items).detail("pass_median_ms", median());
    }

    /** The same measurements under {@code prefix + stage} ({@code "yolov8n forward@320x320"}). */
    public Timings prefixed(String prefix) {
        Timings t = new Timings(prefix + stage);
        t.millis.addAll(millis);
        t.details.putAll(details);
        return t;
    }

    public Timings add(double ms) {
        millis.add(ms);
        return this;
    }

    public Timings detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    public String stage() {
        return stage;
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stage);
        m.put("runs", millis.size());
        if (!millis.isEmpty()) {
            m.put("median_ms", median());
            m.put("min_ms", min());
            m.put("max_ms", max());
        }
        m.putAll(details);
        return m;
    }
}
