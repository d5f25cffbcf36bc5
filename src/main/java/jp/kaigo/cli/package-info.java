/**
 * Command-line tools in the platform's jar, run without starting the server:
 * {@code generate} writes synthetic municipality files; {@code import} uploads a file to a running
 * platform through the municipality interface, showing progress; {@code pki} creates the platform CA,
 * issues and revokes client certificates; {@code receipt verify} checks a document's signed receipts offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"demo", "registry", "identity", "shared", "audit", "exchange"})
package jp.kaigo.cli;
