/**
 * 給付実績 (介護給付費明細書 as 国保連 reviewed them): one record per claim line, received through the
 * insurer's file interface and kept with history; each recorded claim keeps the office's 担当事業所
 * relationship with the person alive. Read only through the {@code access} module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "registry"})
package jp.kaigo.claims;
