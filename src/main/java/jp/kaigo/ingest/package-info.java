/**
 * Ingest: files from outside (the municipality interface: one file per record type, CSV in UTF-8 or
 * Windows-31J with a header row, or JSON; 全量 or 差分). Owns import jobs, checksums, progress and the
 * row-level rejection report. Files are streamed: rows are parsed and validated against the owning
 * module's {@link jp.kaigo.ingest.RecordLayout} and COPYed into that module's staging table as they are
 * read; the owning module ({@link jp.kaigo.ingest.ImportTarget}) merges them in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package jp.kaigo.ingest;
