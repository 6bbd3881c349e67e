package dev.yolocam.torch;

import dev.yolocam.errors.CheckpointException;
import dev.yolocam.errors.UnsafeCheckpointException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A pickle reader that executes nothing. It understands the opcodes of protocols 0 to 5 that {@code torch.save}
 * and {@code pickle} write, and turns them into inert Java data:
 * None → null, bool → Boolean, int → Long (BigInteger when it does not fit), float → Double, str → String,
 * bytes/bytearray → byte[], list → ArrayList, tuple → unmodifiable List, dict and OrderedDict → LinkedHashMap,
 * set → LinkedHashSet, frozenset → unmodifiable Set, tensors → {@link TensorData}, instances of allow-listed classes
 * (torch modules and those of the registered model families, argparse.Namespace, ...) → {@link PyObject} whose state is their {@code __dict__},
 * other allow-listed globals passed as data → {@link PyGlobal}.
 *
 * <p>GLOBAL and STACK_GLOBAL only accept the names {@link AllowedGlobals} lists; any other name is refused with an
 * {@link UnsafeCheckpointException} before the next opcode runs. No Java class is ever looked up from a name in the
 * file. Memoised objects stay shared: the same Python object read twice is the same Java object.
 *
 * <p>Every failure, whatever the input bytes, is a {@link CheckpointException} (or its
 * {@link UnsafeCheckpointException} subclass when a limit or the allow-list refuses the pickle). An instance reads
 * one pickle.
 */
public final class RestrictedUnpickler {

    /** Turns a persistent id (BINPERSID/PERSID) into a value, e.g. torch's storage tuples into storages. */
    @FunctionalInterface
    public interface PersistentLoader {
        Object load(Object persistentId);
    }

    private static final int HIGHEST_PROTOCOL = 5;

    private final Path file;
    private final ReaderLimits limits;
    private final PersistentLoader persistentLoader;
    private final SortedSet<String> globalsSeen = new TreeSet<>();
    private final ArrayList<Object> stack = new ArrayList<>();
    private final HashMap<Long, Object> memo = new HashMap<>();
    private int[] marks = new int[16];
    private int markCount;
    private PickleInput input;
    private ValueBudget budget;
    private DictKeys keys;
    private InertCalls calls;

    /**
     * @param file             the checkpoint, named in error messages (may be null)
     * @param limits           memo, MARK depth, string and value limits
     * @param persistentLoader resolves persistent ids; pickles without any may pass {@link #noPersistentIds()}
     */
    public RestrictedUnpickler(Path file, ReaderLimits limits, PersistentLoader persistentLoader) {
        this.file = file;
        this.limits = limits;
        this.persistentLoader = persistentLoader;
    }

    /** Reads a pickle that has no persistent ids, with the default limits. */
    public static Object loads(byte[] pickle) {
        return new RestrictedUnpickler(null, ReaderLimits.DEFAULT, noPersistentIds()).load(pickle);
    }

    /** A loader for pickles that must not contain persistent ids. */
    public static PersistentLoader noPersistentIds() {
        return id -> {
            throw new CheckpointException(null, "unexpected persistent id of type " + PyTypes.name(id));
        };
    }

    /** The "module name" strings of every global the pickle named, sorted, without duplicates. */
    public List<String> globalsSeen() {
        return List.copyOf(globalsSeen);
    }

    /** Reads the pickle up to its STOP opcode and returns the value it builds. */
    public Object load(byte[] pickle) {
        if (input != null) {
            throw new IllegalStateException("a RestrictedUnpickler reads one pickle");
        }
        if (pickle.length > limits.maxPickleBytes()) {
            throw new UnsafeCheckpointException(file, "data.pkl has " + pickle.length
                    + " bytes, more than the limit of " + limits.maxPickleBytes());
        }
        input = new PickleInput(file, pickle, limits.maxStringBytes());
        budget = new ValueBudget(limits.maxPickleValues(), input);
        keys = new DictKeys(input);
        calls = new InertCalls(input, budget, keys, limits);
        while (input.hasMore()) {
            int opcode = input.opcode();
            if (opcode == '.') {
                return pop();
            }
            execute(opcode);
        }
        throw input.corrupt("the pickle ends without a STOP opcode (truncated?)");
    }

    private void execute(int opcode) {
        switch (opcode) {
            case 0x80 -> protocol();
            case 0x95 -> input.requireAvailable(input.u64Length("FRAME"), "FRAME");
            case '(' -> mark();
            case '0' -> popOrDiscardMark();
            case '1' -> popMark();
            case '2' -> push(peek());
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) input.s32());
            case 'K' -> push((long) input.u8());
            case 'M' -> push((long) input.u16());
            case 0x8a -> push(longFromBytes(input.u8()));
            case 0x8b -> push(longFromBytes(input.s32()));
            case 'G' -> push(input.f64BigEndian());
            case 'I' -> push(textInt());
            case 'L' -> push(text(() -> PickleText.integer(input.line(), true)));
            case 'F' -> push(text(() -> PickleText.floating(input.line())));
            case 'X' -> push(utf8(input.counted(input.u32(), "BINUNICODE")));
            case 0x8c -> push(utf8(input.counted(input.u8(), "SHORT_BINUNICODE")));
            case 0x8d -> push(utf8(input.counted(input.u64Length("BINUNICODE8"), "BINUNICODE8")));
            case 'V' -> push(text(() -> PickleText.rawUnicodeEscape(input.line())));
            case 'S' -> push(utf8(text(() -> PickleText.quotedString(input.line()))));
            case 'T' -> push(utf8(input.counted(input.s32(), "BINSTRING")));
            case 'U' -> push(utf8(input.counted(input.u8(), "SHORT_BINSTRING")));
            case 'B' -> push(input.counted(input.u32(), "BINBYTES"));
            case 'C' -> push(input.counted(input.u8(), "SHORT_BINBYTES"));
            case 0x8e -> push(input.counted(input.u64Length("BINBYTES8"), "BINBYTES8"));
            case 0x96 -> push(input.counted(input.u64Length("BYTEARRAY8"), "BYTEARRAY8"));
            case ')' -> push(PyTypes.tuple());
            case 0x85 -> push(PyTypes.tuple(pop()));
            case 0x86 -> tupleOf(2);
            case 0x87 -> tupleOf(3);
            case 't' -> push(tuple(popMark()));
            case ']' -> push(new ArrayList<>());
            case 'l' -> push(new ArrayList<>(spent(popMark())));
            case 'a' -> append(Arrays.asList(pop()));
            case 'e' -> append(popMark());
            case '}' -> push(new LinkedHashMap<>());
            case 'd' -> dictFromMark();
            case 's' -> setItems(Arrays.asList(popBelow(1), pop()));
            case 'u' -> setItems(popMark());
            case 0x8f -> push(new LinkedHashSet<>());
            case 0x90 -> addItems(popMark());
            case 0x91 -> push(Collections.unmodifiableSet(setOf(popMark())));
            case 'c' -> push(global(textLine(), textLine()));
            case 0x93 -> stackGlobal();
            case 'R' -> reduce();
            case 0x81 -> newObject(false);
            case 0x92 -> newObject(true);
            case 'b' -> build();
            case 'Q' -> push(persistentLoader.load(pop()));
            case 'P' -> push(persistentLoader.load(textLine()));
            case 'q' -> memoPut(input.u8());
            case 'r' -> memoPut(input.u32());
            case 'p' -> memoPut(textMemoIndex());
            case 0x94 -> memoPut(memo.size());
            case 'h' -> memoGet(input.u8());
            case 'j' -> memoGet(input.u32());
            case 'g' -> memoGet(textMemoIndex());
            case 0x82, 0x83, 0x84 -> throw input.unsafe("refuses extension-registry globals (EXT opcodes)");
            case 0x97, 0x98 -> throw input.corrupt("out-of-band buffers (protocol 5 NEXT_BUFFER) are not supported");
            case 'i', 'o' -> throw input.corrupt("protocol 0/1 INST/OBJ opcodes are not supported");
            default -> throw input.corrupt(String.format("unknown opcode 0x%02x", opcode));
        }
    }

    // ----- stack and marks

    private void push(Object value) {
        budget.spend(1);
        stack.add(value);
    }

    private int frameStart() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    private Object pop() {
        if (stack.size() <= frameStart()) {
            throw input.corrupt("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    /** POP as CPython does it: on an empty frame it discards the MARK instead. */
    private void popOrDiscardMark() {
        if (stack.size() <= frameStart() && markCount > 0) {
            popMark();
        } else {
            pop();
        }
    }

    private Object peek() {
        if (stack.size() <= frameStart()) {
            throw input.corrupt("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    /** Removes and returns the item {@code depth} places below the top (0 = the top). */
    private Object popBelow(int depth) {
        if (stack.size() - depth <= frameStart()) {
            throw input.corrupt("stack underflow");
        }
        return stack.remove(stack.size() - 1 - depth);
    }

    private void mark() {
        if (markCount >= limits.maxMarkDepth()) {
            throw input.unsafe("more than " + limits.maxMarkDepth() + " nested MARKs (limit)");
        }
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markCount++] = stack.size();
    }

    private List<Object> popMark() {
        if (markCount == 0) {
            throw input.corrupt("no MARK to pop to");
        }
        int start = marks[--markCount];
        List<Object> top = stack.subList(start, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private <T extends java.util.Collection<?>> T spent(T items) {
        budget.spend(items.size());
        return items;
    }

    private void tupleOf(int size) {
        Object[] items = new Object[size];
        for (int i = size - 1; i >= 0; i--) {
            items[i] = pop();
        }
        push(PyTypes.tuple(items));
    }

    private List<Object> tuple(List<Object> items) {
        return PyTypes.tuple(spent(items));
    }

    // ----- containers

    @SuppressWarnings("unchecked")
    private void append(List<Object> items) {
        Object target = peek();
        if (!PyTypes.isList(target)) {
            throw input.corrupt("APPEND to a " + PyTypes.name(target) + ", not a list");
        }
        budget.spend(items.size());
        ((List<Object>) target).addAll(items);
    }

    private void dictFromMark() {
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(dict, popMark());
        push(dict);
    }

    @SuppressWarnings("unchecked")
    private void setItems(List<Object> keyValues) {
        Object target = peek();
        if (!(target instanceof Map<?, ?>)) {
            throw input.corrupt("SETITEM on a " + PyTypes.name(target) + ", not a dict");
        }
        putPairs((Map<Object, Object>) target, keyValues);
    }

    private void putPairs(Map<Object, Object> dict, List<Object> keyValues) {
        if (keyValues.size() % 2 != 0) {
            throw input.corrupt("odd number of items for a dict");
        }
        budget.spend(keyValues.size() / 2);
        for (int i = 0; i < keyValues.size(); i += 2) {
            keys.requireHashable(keyValues.get(i));
            dict.put(keyValues.get(i), keyValues.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void addItems(List<Object> items) {
        Object target = peek();
        if (!PyTypes.isMutableSet(target)) {
            throw input.corrupt("ADDITEMS to a " + PyTypes.name(target) + ", not a set");
        }
        ((Set<Object>) target).addAll(setOf(items));
    }

    private Set<Object> setOf(List<Object> items) {
        budget.spend(items.size());
        Set<Object> set = new LinkedHashSet<>();
        for (Object item : items) {
            keys.requireHashable(item);
            set.add(item);
        }
        return set;
    }

    // ----- globals and calls

    private PyGlobal global(String module, String name) {
        String raw = module + "." + name;
        PyGlobal global = AllowedGlobals.normalise(module, name);
        if (AllowedGlobals.kindOf(global).isEmpty()) {
            throw new UnsafeCheckpointException(file, "refuses to load Python global " + SafeText.quote(raw)
                    + " (not a " + ModelFamilies.REGISTERED.names() + " checkpoint class)");
        }
        globalsSeen.add(module + " " + name);
        return global;
    }

    private void stackGlobal() {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String moduleName) || !(name instanceof String globalName)) {
            throw input.corrupt("STACK_GLOBAL needs two str, got " + PyTypes.name(module) + " and "
                    + PyTypes.name(name));
        }
        push(global(moduleName, globalName));
    }

    private void reduce() {
        Object args = pop();
        Object callable = pop();
        push(call(callable, args, false, "REDUCE"));
    }

    private void newObject(boolean withKeywords) {
        if (withKeywords) {
            Object kwargs = pop();
            if (!(kwargs instanceof Map<?, ?> map) || !map.isEmpty()) {
                throw input.corrupt("NEWOBJ_EX with keyword arguments is not supported");
            }
        }
        Object args = pop();
        Object cls = pop();
        push(call(cls, args, true, withKeywords ? "NEWOBJ_EX" : "NEWOBJ"));
    }

    @SuppressWarnings("unchecked")
    private Object call(Object callable, Object args, boolean newObject, String opcode) {
        if (!(callable instanceof PyGlobal global)) {
            throw input.corrupt(opcode + " on a " + PyTypes.name(callable)
                    + " (only allow-listed classes and functions can be called)");
        }
        if (!PyTypes.isTuple(args)) {
            throw input.corrupt(opcode + " arguments must be a tuple, got " + PyTypes.name(args));
        }
        return calls.call(global, (List<Object>) args, newObject);
    }

    @SuppressWarnings("unchecked")
    private void build() {
        Object state = pop();
        Object target = peek();
        if (target instanceof PyObject object && object.state() instanceof Map<?, ?> dict) {
            budget.spend(PyObjectState.apply((Map<Object, Object>) dict, state));
        } else if (!(target instanceof Map<?, ?> || target instanceof List<?> || target instanceof Set<?>
                || target instanceof TensorData)) {
            throw input.corrupt("BUILD on a " + PyTypes.name(target) + ", which has no state to set");
        }
        // Containers and tensors: the state holds instance attributes (e.g. a state_dict's _metadata), not data.
    }

    // ----- memo

    private void memoPut(long index) {
        if (index < 0) {
            throw input.corrupt("negative memo index");
        }
        Object value = peek();
        if (!memo.containsKey(index) && memo.size() >= limits.maxMemoEntries()) {
            throw input.unsafe("more than " + limits.maxMemoEntries() + " memo entries (limit)");
        }
        memo.put(index, value);
    }

    private void memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw input.corrupt("memo entry " + index + " is read before it is written");
        }
        push(memo.get(index));
    }

    // ----- scalars and text

    private void protocol() {
        int version = input.u8();
        if (version > HIGHEST_PROTOCOL) {
            throw input.corrupt("unsupported pickle protocol " + version);
        }
    }

    private Object longFromBytes(int length) {
        byte[] littleEndian = input.counted(length, "LONG");
        if (littleEndian.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        return PyTypes.integer(new BigInteger(bigEndian));
    }

    private String utf8(byte[] bytes) {
        try {
            return Utf8.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw input.corrupt(e.getMessage());
        }
    }

    /** INT: "01"/"00" are protocol 0's True/False, anything else a decimal. */
    private Object textInt() {
        byte[] line = input.line();
        if (line.length == 2 && line[0] == '0' && (line[1] == '0' || line[1] == '1')) {
            return line[1] == '1';
        }
        return text(() -> PickleText.integer(line, false));
    }

    private String textLine() {
        return utf8(input.line());
    }

    private long textMemoIndex() {
        Object index = text(() -> PickleText.integer(input.line(), false));
        if (!(index instanceof Long value)) {
            throw input.corrupt("memo index out of range");
        }
        return value;
    }

    private interface TextDecoder<T> {
        T decode();
    }

    private <T> T text(TextDecoder<T> decoder) {
        try {
            return decoder.decode();
        } catch (IllegalArgumentException e) {
            throw input.corrupt(e.getMessage());
        }
    }
}
