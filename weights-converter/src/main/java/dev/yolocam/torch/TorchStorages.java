package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves torch's persistent ids {@code ('storage', storage_type, key, location, numel)} to the storages in the
 * archive. The same key always gives the same {@link TensorData.Storage} object, so tensors that are views of one
 * storage share it as they did in PyTorch.
 */
final class TorchStorages implements RestrictedUnpickler.PersistentLoader {
    private final Path file;
    private final CheckpointArchive archive;
    private final Map<String, TensorData.Storage> loaded = new HashMap<>();

    TorchStorages(Path file, CheckpointArchive archive) {
        this.file = file;
        this.archive = archive;
    }

    @Override
    public Object load(Object persistentId) {
        if (!(persistentId instanceof List<?> id) || id.size() != 5 || !"storage".equals(id.get(0))) {
            throw corrupt("a persistent id is not a ('storage', type, key, location, numel) tuple");
        }
        if (!(id.get(1) instanceof PyGlobal type)) {
            throw corrupt("a storage's type is a " + PyTypes.name(id.get(1)) + ", not a storage class or dtype");
        }
        DType dtype = AllowedGlobals.storageDType(type)
                .orElseThrow(() -> corrupt("unknown storage type " + type));
        String key = storageKey(id.get(2));
        if (!(id.get(4) instanceof Long numel) || numel < 0) {
            throw corrupt("storage " + SafeText.quote(key) + " has an invalid element count");
        }
        TensorData.Storage storage = loaded.get(key);
        if (storage == null) {
            storage = archive.readStorage(key, dtype, numel);
            loaded.put(key, storage);
        } else if (storage.dtype() != dtype || storage.elements() != numel) {
            throw corrupt("storage " + SafeText.quote(key) + " is used as " + storage.elements() + " "
                    + storage.dtype().numpyName() + " and as " + numel + " " + dtype.numpyName() + " elements");
        }
        return storage;
    }

    private String storageKey(Object key) {
        String text = key instanceof Long number ? number.toString() : key instanceof String s ? s : null;
        if (text == null || text.isEmpty() || text.contains("/") || text.contains("\\") || text.equals("..")
                || text.equals(".")) {
            throw corrupt("invalid storage key " + (text == null ? "of type " + PyTypes.name(key)
                    : SafeText.quote(text)));
        }
        return text;
    }

    private CheckpointException corrupt(String problem) {
        return new CheckpointException(file, "corrupt pickle: " + problem);
    }
}
