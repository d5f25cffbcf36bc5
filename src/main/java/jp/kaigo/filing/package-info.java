/**
 * Filing: the use cases that move documents between the parties (docs/design/certification-online.md §1.1): each
 * asks {@code access} (audited) with the facts of the person's case, then has {@code exchange} do it. Exits call
 * {@link jp.kaigo.filing.DocumentRouting} (or {@link jp.kaigo.filing.FirstJudgementImport} for the municipality's
 * 一次判定 results) and nothing below it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "exchange", "certification", "consent", "ingest"})
package jp.kaigo.filing;
