/**
 * ケアプラン (居宅サービス計画書 第1表・第2表・第3表, サービス利用票 第6表・第7表) from the 居宅介護支援事業所 in charge: by API and by the
 * ケアプランデータ連携 standard CSV (UP1KYO, UP2KYO, UP3KYO; 第6表・第7表 by month: UPPLAN, UPSIKYU), draft until issued (交付). Writes come through
 * {@link jp.kaigo.careplan.CarePlans} (which answers identifiers and reports only); reads only through
 * the {@code access} module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest"})
package jp.kaigo.careplan;
