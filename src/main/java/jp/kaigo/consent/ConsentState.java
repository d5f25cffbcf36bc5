package jp.kaigo.consent;

/** What holds now for one organisation and one category of a person's information. */
public enum ConsentState {
    /** No decision covers it. */
    NONE,
    /** Only the municipality's 包括同意 covers it (the offices in charge, the institution asked for the 意見書). */
    BLANKET,
    /** The person's own consent to every organisation covers it. */
    GIVEN_ALL,
    /** The person consented naming this organisation (in their own view, with the card at its terminal, or as recorded there). */
    GIVEN,
    /** The person refused, or withdrew an earlier consent; it holds until the person lifts it. */
    REFUSED
}
