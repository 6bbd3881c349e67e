package dev.yolocam.torch.yaml;

import java.util.List;

/**
 * What {@code parse_model} returns: the layers (module + channels + spatial rule) in order, and {@code save}, the
 * sorted list of layer outputs that later layers reuse.
 */
record ParsedModel(List<Block> layers, List<Long> save) {
}
