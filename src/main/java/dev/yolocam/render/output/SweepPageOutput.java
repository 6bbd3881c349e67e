package dev.yolocam.render.output;

import dev.yolocam.graph.LayerInfo;
import dev.yolocam.metrics.LayerRanking;
import dev.yolocam.metrics.LayerRanking.Ranked;
import dev.yolocam.render.SweepEntry;
import dev.yolocam.render.SweepPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: the grid and one card per layer with its overlay, class, shape and metrics, and its rank when
 * the layers were ranked.
 */
public final class SweepPageOutput implements Output<SweptPicture> {
    @Override
    public String name() {
        return "page";
    }

    @Override
    public void write(SweptPicture picture) {
        String stem = picture.source().stem();
        if (picture.result().noDetections()) {
            SweepPage.write(picture.folder(), stem + ": no detections, nothing to explain", List.of(), null);
            return;
        }
        Map<String, SweepEntry.Rank> ranks = new HashMap<>();
        List<LayerRanking.Ranked> ranking = picture.ranking();
        for (int place = 1; place <= ranking.size(); place++) {
            Ranked ranked = ranking.get(place - 1);
            ranks.put(ranked.layer(), new SweepEntry.Rank(place, ranked.score()));
        }
        List<SweepEntry> entries = new ArrayList<>();
        for (int i = 0; i < picture.shown(); i++) {
            LayerInfo layer = picture.layer(i);
            entries.add(new SweepEntry(layer.path(), layer.simpleClass(), shape(layer), picture.layerFile(i),
                    picture.result().maps().get(i).metrics(), ranks.get(layer.path())));
        }
        SweepPage.write(picture.folder(), stem + ": " + picture.method() + " on " + picture.shown() + " layers",
                entries, picture.gridFile());
    }

    private static String shape(LayerInfo layer) {
        return String.join("x", Arrays.stream(layer.shape()).mapToObj(Long::toString).toList());
    }
}
