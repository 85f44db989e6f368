package io.rtmstreams.app.cli;

import io.rtmstreams.app.importer.ImportSettings;
import picocli.CommandLine.Option;

/**
 * The BGP entity that owns what a feeder sends ({@code import}, {@code follow pmacct}), and D28's preferences of
 * its paths: the administrative distances of external and internal BGP.
 */
final class BgpEntityOptions {

    @Option(names = "--instance-id", paramLabel = "N", description = "The instance id of the BGP entity "
            + "(protocol 14) that owns the routes.")
    long instanceId = 1;

    @Option(names = "--ebgp-preference", paramLabel = "N", description = "Preference of paths from external "
            + "peers.")
    long ebgpPreference = ImportSettings.EBGP_DISTANCE;

    @Option(names = "--ibgp-preference", paramLabel = "N", description = "Preference of paths from internal peers "
            + "(import: those in --local-as; follow: the peer's AS is the local AS of its peer_up).")
    long ibgpPreference = ImportSettings.IBGP_DISTANCE;
}
