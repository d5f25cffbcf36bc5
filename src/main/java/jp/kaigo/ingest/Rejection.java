package jp.kaigo.ingest;

/** One refused row of a file: its line, the field, and the broken rule. Never the value. */
public record Rejection(long line, String field, String label, String reason) {
}
