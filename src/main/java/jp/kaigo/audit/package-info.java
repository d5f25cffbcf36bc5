/**
 * The audit trail: an append-only, hash-chained log of every sign-in, 資格確認, relationship change and
 * disclosure, partitioned by month, with daily chain heads; verification finds any changed, inserted or
 * removed entry; a person can list who accessed their data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package jp.kaigo.audit;
