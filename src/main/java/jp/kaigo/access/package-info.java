/**
 * The access decision (the one place that says permit or deny): actor × person × information category
 * × purpose → Permit or Deny with a reason, audited every time. Exits read care records only through
 * {@link jp.kaigo.access.AccessDecisions}; the record modules offer them to this module alone.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "consent", "relationship", "audit", "registry", "identity"})
package jp.kaigo.access;
