/**
 * 要介護認定 (national-design.md A2, formats-and-codes.md §5): the application and its progress (進捗)
 * up to the result, the 認定調査票 (概況調査, the 74 基本調査 items, 日常生活自立度, 特記事項) and the
 * 主治医意見書, each received from the municipality through the file interface and kept with history.
 * Read only through the {@code access} module (as a {@link jp.kaigo.shared.CareRecordSource}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "registry"})
package jp.kaigo.certification;
