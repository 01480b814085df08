package uk.ombudsman.analytics.cli;

import picocli.CommandLine;
import uk.ombudsman.analytics.export.Manifest;

/** {@code --version}: the project's version as Maven wrote it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ombudsman-analytics " + Manifest.applicationVersion()};
    }
}
