package dev.yolocam.cli;

import dev.yolocam.cam.CamMethod;
import dev.yolocam.cam.CamMethods;
import dev.yolocam.errors.UsageException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** --method: the CAM method explain and sweep run, or the methods bench times. */
public final class MethodOptions {
    @Option(names = {"-m", "--method"}, paramLabel = "NAME", defaultValue = "GradCAM",
            description = "CAM method (case-insensitive; 'list' prints them all), with its parameters after a colon: "
                    + "KPCA-CAM:kernel=rbf,gamma=0.1. bench takes several: repeat --method, or separate names "
                    + "without parameters by commas; 'all' for every method. Default: ${DEFAULT-VALUE}.")
    List<String> specs;

    /** For {@code --method list}: prints every method, one per line, and returns true. */
    boolean listIfAsked(PrintWriter out) {
        if (specs.size() != 1 || !"list".equalsIgnoreCase(specs.get(0).strip())) {
            return false;
        }
        for (CamMethod m : CamMethods.all()) {
            String aliases = m.aliases().isEmpty() ? "" : " (also " + String.join(", ", m.aliases()) + ")";
            out.printf(Locale.ROOT, "  %-20s %s%s%s%n", m.name(), m.usesGradients() ? "[gradient] " : "[no gradient] ",
                    m.summary(), aliases);
        }
        out.flush();
        return true;
    }

    /** The one method explain and sweep run. */
    CamMethod single() {
        if (specs.size() != 1) {
            throw new UsageException("--method: explain and sweep run one method, got " + String.join(", ", specs));
        }
        return parse(specs.get(0));
    }

    /** The methods named (a spec with parameters is one method, other specs split at commas); 'all': every one. */
    List<CamMethod> several() {
        List<CamMethod> out = new ArrayList<>();
        for (String spec : specs) {
            for (String one : spec.contains(":") ? List.of(spec) : List.of(spec.split(",", -1))) {
                if (one.strip().equalsIgnoreCase("all")) {
                    out.addAll(CamMethods.all());
                } else {
                    out.add(parse(one));
                }
            }
        }
        return out;
    }

    private static CamMethod parse(String spec) {
        try {
            return CamMethods.parse(spec).orElseThrow(() -> new UsageException("--method: unknown method '" + spec
                    + "'; known: " + String.join(", ", CamMethods.all().stream().map(CamMethod::name).toList())
                    + " (see --method list)"));
        } catch (UsageException e) {
            throw e.problem().startsWith("--method") ? e : new UsageException("--method " + spec + ": "
                    + e.problem());
        }
    }
}
