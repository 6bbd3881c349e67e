package dev.yolocam.torch;

import static dev.yolocam.torch.PyDataAssert.assertPyEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.razorvine.pickle.Pickler;

/**
 * Random Python-like values pickled by an independent pickler (razorvine's Pyrolite, protocol 2, the highest it
 * writes) come back from the restricted unpickler as equal data, with their Python types and with shared
 * references still shared. The other protocols are covered by {@link CPythonPickleFixturesTest}.
 */
class PickleRoundTripProperties {

    @Property(tries = 300)
    void randomValuesRoundTrip(@ForAll("values") Object value) throws Exception {
        assertPyEquals(value, RestrictedUnpickler.loads(pickle(value)));
    }

    @Property(tries = 100)
    void aContainerReferencedTwiceIsOneObject(@ForAll("containers") Object container) throws Exception {
        List<Object> twice = new ArrayList<>(List.of(container, container));
        List<?> back = (List<?>) RestrictedUnpickler.loads(pickle(twice));
        assertPyEquals(twice, back);
        assertSame(back.get(0), back.get(1));
    }

    @Property(tries = 50)
    void aListContainingItselfStaysCyclic(@ForAll("values") Object element) throws Exception {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(element);
        cyclic.add(cyclic);
        List<?> back = (List<?>) RestrictedUnpickler.loads(pickle(cyclic));
        assertSame(back, back.get(1));
        assertPyEquals(element, back.get(0));
    }

    /** Identity memo (not razorvine's default value memo), so that sharing in the pickle means sharing here. */
    private static byte[] pickle(Object value) throws Exception {
        return new Pickler(true, false).dumps(value);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.recursive(PickleRoundTripProperties::leaves, PickleRoundTripProperties::containersOf, 0, 4);
    }

    @Provide
    Arbitrary<Object> containers() {
        return containersOf(values());
    }

    private static Arbitrary<Object> containersOf(Arbitrary<Object> element) {
        Arbitrary<Object> list = element.list().ofMaxSize(5).map(items -> new ArrayList<>(items));
        Arbitrary<Object> tuple = element.list().ofMaxSize(5).map(List::toArray);
        Arbitrary<Object> dict = Arbitraries.maps(keys(), element).ofMaxSize(5)
                .map(map -> new LinkedHashMap<>(map));
        Arbitrary<Object> set = keys().set().ofMaxSize(5).map(items -> new LinkedHashSet<>(items));
        return Arbitraries.oneOf(list, tuple, dict, set);
    }

    private static Arbitrary<Object> keys() {
        return Arbitraries.oneOf(text(), Arbitraries.longs().map(v -> (Object) v));
    }

    private static Arbitrary<Object> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(true, false),
                Arbitraries.integers().map(v -> (Object) v),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(200).negate(), BigInteger.TWO.pow(200))
                        .map(v -> (Object) v),
                Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY).withSpecialValue(-0.0).map(v -> (Object) v),
                text(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(20).map(v -> (Object) v));
    }

    /** Any Unicode text without lone surrogates (which UTF-8, and so the pickler, cannot carry). */
    private static Arbitrary<Object> text() {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x7f),
                Arbitraries.integers().between(0, 0x10ffff)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE));
        return codePoints.list().ofMaxSize(12).map(cps -> {
            StringBuilder text = new StringBuilder();
            cps.forEach(text::appendCodePoint);
            return (Object) text.toString();
        });
    }

}
