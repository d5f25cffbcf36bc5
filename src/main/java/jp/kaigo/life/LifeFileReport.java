package jp.kaigo.life;

import java.util.List;

/**
 * What an import of a LIFE file did: the form, data rows read, assessments written (new or corrected),
 * and every refused row with its line, item and reason (refused rows change nothing; the others are taken).
 */
public record LifeFileReport(String form, String formName, long rows, long written, List<Problem> rejections) {

    public record Problem(long line, String item, String label, String reason) {
    }
}
