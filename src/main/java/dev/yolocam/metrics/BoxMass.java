package dev.yolocam.metrics;

import dev.yolocam.detect.Detection;
import dev.yolocam.detect.LabelBox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a map's mass lies among the detections, in the network-input frame, as fractions of the map's total mass
 * (the sum of its values, by {@link PointingGame#energy}'s rules: a pixel counts when its centre is inside a box,
 * once however many boxes cover it):
 * <ul>
 * <li>{@code own_box_mass}: inside the box of the detection the map explains, the energy pointing game on its own
 * box; for a map of several detections, inside the union of their boxes;</li>
 * <li>{@code other_box_mass}: inside the other detections' boxes but outside its own, the mass that points at other
 * objects: ODAM's object discrimination (Zhao and Chan, ICLR 2023, whose index divides the mass in the other boxes
 * by the mass inside all boxes rather than by the whole map's).</li>
 * </ul>
 * The two never add up to more than 1; the rest lies outside every box. No forward pass. {@code own_box_mass} only
 * when the map explains detections, {@code other_box_mass} only when the image has others.
 */
public final class BoxMass implements PerMapMetric {
    @Override
    public String name() {
        return "box_mass";
    }

    @Override
    public boolean cheap() {
        return true;
    }

    @Override
    public Map<String, Double> measure(MetricSubject map, int batchSize) {
        boolean[] own = PointingGame.inside(boxes(map.explained()), map.height(), map.width());
        Map<String, Double> out = new LinkedHashMap<>();
        if (!map.explained().isEmpty()) {
            out.put("own_box_mass", PointingGame.share(map.map(), own));
        }
        if (!map.others().isEmpty()) {
            boolean[] other = PointingGame.inside(boxes(map.others()), map.height(), map.width());
            for (int i = 0; i < other.length; i++) {
                other[i] &= !own[i];
            }
            out.put("other_box_mass", PointingGame.share(map.map(), other));
        }
        return out;
    }

    /** The detections' boxes; the class plays no part in where they lie. */
    private static List<LabelBox> boxes(List<Detection> detections) {
        return detections.stream().map(d -> new LabelBox(d.classId(), d.x1(), d.y1(), d.x2(), d.y2())).toList();
    }
}
