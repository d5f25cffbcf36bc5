package jp.kaigo.access;

/**
 * What a 資格確認 may answer: whether this organisation may run it at all, and whether the answer may show
 * the 負担限度額認定証 (the person consented to this organisation) or only say that one exists.
 */
public record EligibilityScope(boolean permitted, boolean burdenLimit) {
    /** Why a refused organisation may not run 資格確認. */
    public static final String REFUSED = "介護の資格確認は、介護事業所(介護サービスの指定を受けた医療機関を含む)の職員だけが使えます";
}
