/**
 * 2次利用 (docs/design/analytics.md): indicators per municipality built from the records read through {@code access}
 * (purpose 2次利用, audited), every cell of fewer than 10 persons suppressed with its complement; pseudonymised
 * extracts registered with purpose, basis, recipient and the persons included; each person's view of the extracts
 * that used their data and their objection to research extracts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "identity"})
package jp.kaigo.analytics;
