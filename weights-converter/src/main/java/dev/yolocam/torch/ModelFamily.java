package dev.yolocam.torch;

import java.util.List;
import java.util.Set;

/**
 * A family of detection models whose checkpoints yolocam reads, as far as the checkpoint reader needs to know it:
 * the Python classes its pickles may name and which of them are a whole model and its detection head. The reader
 * admits torch's own layers and data types for every family; a name that neither they nor some registered family
 * admit is refused before the next opcode runs. A new family is one implementation plus one line in
 * {@link ModelFamilies#REGISTERED}.
 */
public interface ModelFamily {
    /** The family's name in messages ("YOLOv5"). */
    String name();

    /**
     * The Python modules that define the family's {@code nn.Module} classes ({@code models.common}): a checkpoint
     * may name any CamelCase class of exactly these modules, not of their submodules, and gets an inert module
     * object for it.
     */
    Set<String> moduleClassModules();

    /**
     * The classes a checkpoint's model may have (what {@code ckpt['ema'] or ckpt['model']} holds), each a class of
     * one of {@link #moduleClassModules}; the first is the usual one, the one messages name.
     */
    List<String> modelClasses();

    /** The classes of the family's detection head, the last block of the model's layer list. */
    Set<String> detectHeadClasses();
}
