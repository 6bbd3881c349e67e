package dev.yolocam.torch.yaml;

/**
 * A module built from a YAML row (or a sub-module of one) with what parse_model and the stride dry run need to
 * know about it.
 *
 * @param module       the module
 * @param outChannels  channels of its output
 * @param spatial      how it changes the feature map size
 */
record Block(ModuleSpec module, long outChannels, SpatialRule spatial) {
}
