package jp.kaigo.shared;

/**
 * What each act does to a care plan in each status, as a pure function (docs/design/care-documents.md §7.1,
 * rows P1–P7; after the basic policy's D-a ※4: the person sees the 原案 and agrees before 交付, and how the office
 * obtains the agreement is its own choice). Who may act at all (the office's care manager in charge, or the person)
 * is decided by {@code access} before; {@code PlanStatusDecisionTableTests} checks every status × act.
 */
public final class PlanStatusRules {

    /** What is done to a plan. */
    public enum Act {
        /** The office sends the plan again (API or UP1KYO): the words change, so any answer of the person lapses. */
        SUBMIT,
        /** The office shows the 原案 to the person in their own view. */
        PROPOSE,
        /** The person (or their representative) agrees in their own view. */
        AGREE,
        /** The person does not agree (also after agreeing, until 交付). */
        DECLINE,
        /** The office records that it obtained the agreement in writing or orally (the person's online answer stands). */
        RECORD_AGREEMENT,
        /** 交付. */
        ISSUE,
        /** DLT1KYO: the office takes back a plan it sent (never an issued one). */
        DELETE
    }

    /** Why an act is refused, as the user reads it. */
    public enum Refusal {
        ALREADY_ISSUED("このケアプランは交付済みです(変更する場合は新しい作成(変更)日で送ってください)"),
        NOT_PROPOSED("このケアプランは原案として示されていません"),
        ALREADY_PROPOSED("この原案はすでに本人に示しています"),
        ALREADY_AGREED("本人の同意はすでに得ています"),
        ALREADY_DECLINED("すでに同意しないと答えています"),
        NOT_AGREED("本人の同意がまだありません(原案を示して同意を得るか、書面・口頭で得た同意を記録してください)"),
        PERSON_DECLINED("本人が同意しないと答えています(原案を見直して送り直してから、示し直してください)");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** The status after the act, or why it is refused; {@code to} is null when the plan is deleted. */
    public record Outcome(PlanStatus to, Refusal refusal) {
        public boolean allowed() {
            return refusal == null;
        }

        static Outcome to(PlanStatus status) {
            return new Outcome(status, null);
        }

        static Outcome refused(Refusal refusal) {
            return new Outcome(null, refusal);
        }
    }

    private PlanStatusRules() {
    }

    public static Outcome apply(PlanStatus from, Act act) {
        if (from == PlanStatus.ISSUED || from == PlanStatus.SUPERSEDED) {
            return Outcome.refused(Refusal.ALREADY_ISSUED); // P1: an issued plan is a record given to the person
        }
        return switch (act) {
            case SUBMIT -> Outcome.to(PlanStatus.DRAFT); // P2
            case DELETE -> Outcome.to(null); // P7
            case PROPOSE -> switch (from) { // P3: a declined 原案 is shown again only after it was changed (SUBMIT)
                case PROPOSED -> Outcome.refused(Refusal.ALREADY_PROPOSED);
                case AGREED -> Outcome.refused(Refusal.ALREADY_AGREED);
                case DECLINED -> Outcome.refused(Refusal.PERSON_DECLINED);
                default -> Outcome.to(PlanStatus.PROPOSED);
            };
            case AGREE -> switch (from) { // P4: the person may change their mind until 交付
                case DRAFT -> Outcome.refused(Refusal.NOT_PROPOSED);
                case AGREED -> Outcome.refused(Refusal.ALREADY_AGREED);
                default -> Outcome.to(PlanStatus.AGREED);
            };
            case DECLINE -> switch (from) {
                case DRAFT -> Outcome.refused(Refusal.NOT_PROPOSED);
                case DECLINED -> Outcome.refused(Refusal.ALREADY_DECLINED);
                default -> Outcome.to(PlanStatus.DECLINED);
            };
            case RECORD_AGREEMENT -> switch (from) { // P5: never over the person's own "no"
                case DECLINED -> Outcome.refused(Refusal.PERSON_DECLINED);
                case AGREED -> Outcome.refused(Refusal.ALREADY_AGREED);
                default -> Outcome.to(PlanStatus.AGREED);
            };
            case ISSUE -> switch (from) { // P6
                case AGREED -> Outcome.to(PlanStatus.ISSUED);
                case DECLINED -> Outcome.refused(Refusal.PERSON_DECLINED);
                default -> Outcome.refused(Refusal.NOT_AGREED);
            };
        };
    }
}
