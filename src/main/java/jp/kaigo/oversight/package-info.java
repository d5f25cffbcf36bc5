/**
 * The operator's oversight (国保中央会, entrusted by the municipalities; national-design.md A1, D2 "record access
 * logs and review them"): investigation reports across municipalities — every audit entry about a person, or
 * everything one staff account did — for a signed-in staff member of the operator, each report audited itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit"})
package jp.kaigo.oversight;
