package dev.yolocam.spark;

import java.util.ArrayList;
import java.util.List;

/** The {@code --weights} (or {@code -w}) value of an audit command line, read and replaced. */
final class WeightsArgument {
    private WeightsArgument() {
    }

    /** The weights given, or null for the embedded model. */
    static String value(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String inline = inlineValue(arguments.get(i));
            if (inline != null) {
                return inline;
            }
            if (isName(arguments.get(i)) && i + 1 < arguments.size()) {
                return arguments.get(i + 1);
            }
        }
        return null;
    }

    /** The same command line with the weights' value replaced by {@code weights}. */
    static List<String> replaced(List<String> arguments, String weights) {
        List<String> out = new ArrayList<>(arguments);
        for (int i = 0; i < out.size(); i++) {
            if (inlineValue(out.get(i)) != null) {
                out.set(i, out.get(i).substring(0, out.get(i).indexOf('=') + 1) + weights);
                return out;
            }
            if (isName(out.get(i)) && i + 1 < out.size()) {
                out.set(i + 1, weights);
                return out;
            }
        }
        return out;
    }

    private static boolean isName(String argument) {
        return argument.equals("--weights") || argument.equals("-w");
    }

    private static String inlineValue(String argument) {
        for (String name : List.of("--weights=", "-w=")) {
            if (argument.startsWith(name)) {
                return argument.substring(name.length());
            }
        }
        return null;
    }
}
