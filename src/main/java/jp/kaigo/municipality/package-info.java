/**
 * The municipality's own work with its insured as use cases (national-design.md A2: municipalities see their
 * own insured): reading a person's registry records, history and offices, linking a card or registering a
 * representative at the counter with the card present, registering the 包括同意, reviewing break-glass openings,
 * printing the notices of persons who asked for paper,
 * and producing an access investigation report per person or per staff member. Every step needs a signed-in
 * municipal staff member, touches only the municipality's own insured, and is audited with the staff account.
 * (Machine uploads of files stay certificate-only, recorded as the municipality's system, in {@code ingest}.)
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "registry", "consent",
        "access", "audit", "relationship", "ingest", "notification"})
package jp.kaigo.municipality;
