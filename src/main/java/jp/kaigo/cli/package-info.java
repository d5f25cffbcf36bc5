/**
 * Command-line tools in the platform's jar, run without starting the server:
 * {@code generate} writes synthetic municipality files; {@code import} uploads a file to a running
 * platform through the municipality interface, showing progress.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"demo", "registry"})
package jp.kaigo.cli;
