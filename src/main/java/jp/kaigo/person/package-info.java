/**
 * The insured person's own view as a use case (マイナポータル's part; national-design.md A2, A4): their records
 * category by category (through {@code access}, audited), who looked at their data, their offices and ending
 * one, their consents and refusals, break-glass openings of their records, and their visits (schema {@code person}:
 * what is new since the last one), their answer to a care plan's 原案, and their wish for a paper 資格確認書. The API and the portal both
 * call this facade; neither touches the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "access", "audit",
        "consent", "relationship", "careplan", "registry"})
package jp.kaigo.person;
