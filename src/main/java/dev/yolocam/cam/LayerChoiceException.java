package dev.yolocam.cam;

import dev.yolocam.errors.YolocamException;
import java.util.List;

/**
 * A requested layer the model cannot explain: no such path, an index out of range, or an output that is not a
 * feature map. It says which layer and why in the library's words ({@code layer 'model.99': no such layer; ...});
 * a caller with its own names for things (the CLI's {@code --layer}) words it from the parts. A usage error: the
 * caller asked for something the model does not have.
 */
public final class LayerChoiceException extends YolocamException {
    private final String requested;
    private final String reason;
    private final List<String> instead;

    /**
     * @param requested what the caller asked for, as given
     * @param reason    what is wrong with it, ending with the nearest paths where there is no such layer
     * @param instead   the layers to explain instead (as indices where they are top-level blocks), or none
     */
    LayerChoiceException(String requested, String reason, List<String> instead) {
        super(null, "layer '" + requested + "': " + reason
                + (instead.isEmpty() ? "" : "; explain the Detect inputs instead: " + String.join(", ", instead)));
        this.requested = requested;
        this.reason = reason;
        this.instead = List.copyOf(instead);
    }

    public String requested() {
        return requested;
    }

    public String reason() {
        return reason;
    }

    /** The Detect inputs, suggested when the requested layer is no feature map; empty otherwise. */
    public List<String> instead() {
        return instead;
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
