package jp.kaigo.analytics;

import java.time.YearMonth;
import java.util.UUID;

/** A registered extract as listed: what for, on which basis, for whom, which months, how many persons and rows. */
public record Extract(UUID id, String createdAt, String purpose, ExtractBasis basis, String recipient, YearMonth from,
        YearMonth to, boolean birthMonth, int persons, int rows) {

    /** What the officer asks for, as typed. */
    public record Request(String purpose, String basis, String recipient, String from, String to, boolean birthMonth) {
    }

    /** The file of an extract: the CSV gzipped. */
    public record File(String name, byte[] content) {
    }

    /** What the person sees: the extracts that included them, and whether they object to research extracts. */
    public record Uses(java.util.List<Extract> extracts, boolean objecting, String objectingSince) {
    }
}
