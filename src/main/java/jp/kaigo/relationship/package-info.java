/**
 * 担当事業所 (national-design.md A3): an office becomes a person's office only after 本人確認 at that
 * office (My Number card, or typed numbers with birth date), for a service type from a start date.
 * The relationship ends when the office or the person ends it, on 資格喪失, or when claims stop.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package jp.kaigo.relationship;
