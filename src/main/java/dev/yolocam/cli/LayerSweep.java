package dev.yolocam.cli;

import dev.yolocam.cam.SweepResult;
import dev.yolocam.errors.UsageException;
import dev.yolocam.graph.LayerInfo;
import dev.yolocam.metrics.LayerRanking;
import dev.yolocam.metrics.LayerRanking.Ranked;
import dev.yolocam.model.YoloModel;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layers a sweep explains, and their ranking by {@link LayerRanking}'s faithfulness score ({@code sweep --rank},
 * {@code explain --layer best}).
 */
final class LayerSweep {
    /** How many of the ranked layers are printed. */
    static final int SHOWN = 3;

    private LayerSweep() {
    }

    /**
     * The feature-map layers matching {@code glob} (module paths, in the layer table's order), or every top-level
     * block except Detect when {@code glob} is null.
     */
    static List<LayerInfo> select(ImageSession session, String glob) {
        YoloModel yolo = session.model();
        List<LayerInfo> all = yolo.graph(session.detector().inputSize().forwardSpec()).layers().stream()
                .filter(l -> l.shape().length == 4).toList();
        List<LayerInfo> chosen;
        if (glob == null) {
            chosen = all.stream().filter(l -> l.topLevelIndex() >= 0)
                    .sorted((a, b) -> Integer.compare(a.topLevelIndex(), b.topLevelIndex())).toList();
        } else {
            Pattern pattern = globToRegex(glob);
            chosen = LayersCommand.ordered(all, yolo.description().root()).stream()
                    .filter(l -> pattern.matcher(l.path()).matches()).toList();
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--layers '" + glob + "' matches no feature-map layer (see 'yolocam layers')");
        }
        return chosen;
    }

    /** The swept layers ranked by their measured maps, best first; empty when nothing was detected. */
    static List<Ranked> rank(SweepResult measured, List<LayerInfo> layers) {
        if (measured.noDetections()) {
            return List.of();
        }
        return LayerRanking.rank(layers.stream().map(LayerInfo::path).toList(),
                measured.maps().stream().map(m -> m.metrics()).toList());
    }

    /** Prints the first {@link #SHOWN} layers of a ranking of {@code what} with their scores and terms. */
    static void print(PrintWriter out, String what, List<Ranked> ranking) {
        if (ranking.isEmpty()) {
            out.println(what + ": no detections, no layers ranked");
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "%s: the best %d of %d layers by faithfulness score ((insertion AUC - deletion "
                + "AUC)%s):%n", what, Math.min(SHOWN, ranking.size()), ranking.size(),
                ranking.get(0).terms().containsKey("own_box_mass") ? " x own-box mass" : "");
        for (int i = 0; i < Math.min(SHOWN, ranking.size()); i++) {
            Ranked r = ranking.get(i);
            Map<String, Double> t = r.terms();
            out.printf(Locale.ROOT, "  %d. %-28s score %.4f  (insertion %.4f, deletion %.4f%s)%n", i + 1, r.layer(),
                    r.score(), t.get("insertion_auc"), t.get("deletion_auc"), t.containsKey("own_box_mass")
                            ? String.format(Locale.ROOT, ", own box %.4f", t.get("own_box_mass")) : "");
        }
        out.flush();
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
