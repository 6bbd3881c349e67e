package dev.yolocam.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code yolocam --version}: the jar's version and the ND4J backend in use. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"yolocam " + (version != null ? version : "(development build)"),
            "ND4J/SameDiff 1.0.0-M2.1, Java " + System.getProperty("java.version")};
    }
}
