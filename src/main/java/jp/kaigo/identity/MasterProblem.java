package jp.kaigo.identity;

/**
 * One problem in an office-master file: the line it is on (1 is the header, 0 the file as a whole),
 * the field (machine name and the label the file uses), and the broken rule. Never the value.
 */
public record MasterProblem(long line, String field, String label, String reason) {
}
