package dev.yolocam.render.output;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The outputs one run writes for each picture, in registration order. */
public final class OutputSelection<P extends OutputPicture> {
    private final List<Output<P>> registered;
    private final Set<Output<P>> chosen;

    private OutputSelection(List<Output<P>> registered, Collection<Output<P>> chosen) {
        this.registered = registered;
        this.chosen = Set.copyOf(chosen);
    }

    /** Every output of {@code registry}. */
    public static <P extends OutputPicture> OutputSelection<P> all(OutputRegistry<P> registry) {
        List<Output<P>> all = registry.all();
        return new OutputSelection<>(all, all);
    }

    /** The {@code chosen} outputs of {@code registry}. */
    public static <P extends OutputPicture> OutputSelection<P> of(OutputRegistry<P> registry,
                                                                  Collection<Output<P>> chosen) {
        return new OutputSelection<>(registry.all(), chosen);
    }

    /** Writes the files of one picture. */
    public void write(P picture) {
        for (Output<P> output : registered) {
            if (writes(output, picture)) {
                output.write(picture);
            }
        }
    }

    /** Whether {@code output} writes files for {@code picture} in this run. */
    public boolean writes(Output<P> output, P picture) {
        return chosen.contains(output) && !(picture.source().isVideoFrame() && output.framesGoToVideo());
    }

    /** Every registered output, chosen or not, in registration order. */
    public List<Output<P>> registered() {
        return registered;
    }

    /** Whether a video's frames draw an annotated copy: some chosen output is a picture that goes there. */
    public boolean drawsVideo() {
        return chosen.stream().anyMatch(Output::framesGoToVideo);
    }
}
