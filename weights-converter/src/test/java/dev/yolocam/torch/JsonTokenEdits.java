package dev.yolocam.torch;

import dev.yolocam.testing.fuzz.ByteMutation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Edits of a JSON document that keep it parseable most of the time: one string or number token replaced by a
 * value of another type or an extreme one. They get past the JSON parser into the code that trusts the document's
 * shape (types, sizes, offsets, tensor references).
 */
final class JsonTokenEdits {
    private static final List<String> REPLACEMENTS = List.of("-1", "0", "1", "2147483647", "2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "1e308",
            "1e999", "-0.0", "0.5", "NaN", "null", "true", "[]", "{}", "[1,2]", "{\"$tensor\":0}", "{\"$map\":[[1]]}",
            "\"\"", "\"x\"", "\"FLOAT64\"", "\"BOOL\"", "\"models.yolo.Detect\"", "\"$tensor\"", "\"a\\nb\"",
            "\"" + "y".repeat(300) + "\"");

    /** Where a token lies: bytes {@code [start, end)}. */
    record Token(int start, int end) {
    }

    private JsonTokenEdits() {
    }

    /** Splices that replace one token of {@code json} by one of the replacement literals. */
    static Arbitrary<ByteMutation> replacements(byte[] json) {
        List<Token> tokens = tokens(json);
        return Combinators.combine(Arbitraries.of(tokens), Arbitraries.of(REPLACEMENTS))
                .as((token, literal) -> new ByteMutation.Splice(token.start(), token.end() - token.start(),
                        literal.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every string literal and number of the document, in order (a small lexer: no validation). */
    static List<Token> tokens(byte[] json) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < json.length) {
            byte b = json[at];
            if (b == '"') {
                int end = at + 1;
                while (end < json.length && json[end] != '"') {
                    end += json[end] == '\\' ? 2 : 1;
                }
                tokens.add(new Token(at, Math.min(end + 1, json.length)));
                at = end + 1;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                int end = at + 1;
                while (end < json.length && "0123456789.eE+-".indexOf(json[end]) >= 0) {
                    end++;
                }
                tokens.add(new Token(at, end));
                at = end;
            } else {
                at++;
            }
        }
        return tokens;
    }
}
