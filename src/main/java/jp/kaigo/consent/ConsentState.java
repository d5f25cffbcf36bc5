package jp.kaigo.consent;

/** What holds now for one organisation and one category of a person's information. */
public enum ConsentState {
    /** No decision covers it. */
    NONE(false),
    /** The municipality's 包括同意 covers it. */
    BLANKET(true),
    /** The person consented. */
    GIVEN(true),
    /** The person refused, or withdrew an earlier consent. */
    REFUSED(false);

    private final boolean permits;

    ConsentState(boolean permits) {
        this.permits = permits;
    }

    public boolean permits() {
        return permits;
    }
}
