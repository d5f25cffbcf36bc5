/**
 * 本人同意 (national-design.md A4): the 包括同意 registered by the municipality at 認定申請 or 更新, and
 * the person's consents, refusals and withdrawals per organisation and per information category. Every
 * decision is kept; the newest applicable one holds, from the next request on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package jp.kaigo.consent;
