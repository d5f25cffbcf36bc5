/**
 * Who is asking: the platform's certification authority and the client certificates it issues to
 * municipalities, care offices and medical institutions (mutual TLS 1.3, national-design.md A5),
 * their revocation list, and the server certificate. Also the office and institution master
 * ({@code OfficeMaster}): who a 事業所番号 or 医療機関コード is and which services it is designated for
 * (office-master.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package jp.kaigo.identity;
