/**
 * The wire contract of contract.md (version 2), in one package that the processor ({@code streams}), the query API
 * ({@code api}) and the CLI ({@code app}) use side by side: the JSON records of the input commands and interface
 * changes ({@code Wire*}, built by feeders through {@link io.rtmstreams.contract.FeederCommands}), their readers
 * ({@link io.rtmstreams.contract.CommandReader}, {@link io.rtmstreams.contract.InterfaceChangeReader}: one
 * {@link io.rtmstreams.contract.Decoded} each, rejected, invalid with a Win32 status, or valid), the output records
 * and their writers ({@link io.rtmstreams.contract.OutputJson}, {@link io.rtmstreams.contract.OutputMapper},
 * {@link io.rtmstreams.contract.Rejection}) and the one configured mapper ({@link io.rtmstreams.contract.Json}).
 * The machine-readable form is {@code schemas/}, checked against these classes by the tests of this package.
 *
 * <p>It depends on the domain ({@code net}, {@code rtm}, {@code iphlp}) and on Jackson, never on Kafka: the serdes
 * that put these records on topics are the Kafka shell's ({@code streams}). LayeringTest holds both rules.
 */
package io.rtmstreams.contract;
