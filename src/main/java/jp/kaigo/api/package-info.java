/**
 * The JSON REST API (exit module; owns no domain): the municipality file interface, 資格確認 by typed
 * numbers (single and 一括照会), and registry reads. Every error is RFC 9457 problem+json naming the
 * field and the rule; bad input is always a 4xx and never echoes personal data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "registry", "identity", "audit", "relationship", "consent", "access", "careplan", "life", "eligibility", "person", "municipality", "casework", "oversight", "exchange", "filing", "analytics", "notification"})
package jp.kaigo.api;
