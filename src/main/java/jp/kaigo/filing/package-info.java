/**
 * Filing: the use cases that move documents between the parties (docs/design/certification-online.md §1.1): each
 * asks {@code access} (audited) with the facts of the person's case, then has {@code exchange} do it. Exits call
 * {@link jp.kaigo.filing.DocumentRouting}, {@link jp.kaigo.filing.CertificationDesk} (the clerk's survey
 * assignment) or {@link jp.kaigo.filing.FirstJudgementImport} (the municipality's 一次判定 results) and nothing below
 * them; {@code identity} names the staff member or the office a case's survey is assigned to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "access", "exchange", "certification", "consent",
        "ingest", "identity", "notification"})
package jp.kaigo.filing;
