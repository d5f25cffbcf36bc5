/**
 * 資格確認 as a use case (介護保険資格確認等WEBサービス; national-design.md A3, A5): by typed numbers with the birth
 * date, by My Number card, or as 一括照会; what the answer may show (asked of {@code access}); the proof of
 * 本人確認 for registering as 担当事業所 and the registration itself; the 負担限度額 consent recorded at the office;
 * wrong birth dates counted and limited per office. The API and the portal both call this facade and nothing
 * else for these steps, and it writes their audit entries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "registry", "relationship", "identity",
        "consent", "access", "audit"})
package jp.kaigo.eligibility;
