package dev.yolocam.torch.yaml;

/** Hands out the identities of the Python objects a model build creates, in creation order. */
final class InstanceIds {
    private int next;

    int next() {
        return next++;
    }
}
