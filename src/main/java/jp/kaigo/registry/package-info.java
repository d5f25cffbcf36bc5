/**
 * Registry of insured persons (介護保険法 第9条–第13条): insurers, insured persons with their
 * qualification history (資格取得・喪失, 住所地特例, 適用除外), and the facts of the three certificates —
 * 被保険者証, 負担割合証, 負担限度額認定証 — plus 住宅改修費 and 福祉用具購入費 利用情報.
 * Every record carries the municipality's 履歴番号 and validity period; a change is a new revision and
 * nothing is overwritten, so the registry answers "as of date D" for any D
 * (municipality interface 仕様書 v2.0, shared/domain/national-design.md A6).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest"})
package jp.kaigo.registry;
