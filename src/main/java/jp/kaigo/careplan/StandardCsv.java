package jp.kaigo.careplan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Writes records the way the ケアプランデータ連携 standard reads them (records-formats.md §1.2): comma-separated, CRLF,
 * Shift_JIS (MS932); free text always in double quotes with inner quotes doubled (newlines and commas kept), codes and
 * dates bare (quoted only if one holds a separator). Characters Unicode spells otherwise than MS932 (〜, −, …) are
 * written in MS932's form; one MS932 cannot hold becomes 〓 (the standard asks to convert what is outside it).
 */
final class StandardCsv {
    static final Charset MS932 = Charset.forName("windows-31j");
    private final StringBuilder text = new StringBuilder();

    /** A cell: its value (null = empty) and whether it is free text. */
    record Cell(String value, boolean freeText) {
        static Cell code(Object value) {
            return new Cell(value == null ? null : value.toString(), false);
        }

        static Cell text(Object value) {
            return new Cell(value == null ? null : value.toString(), true);
        }
    }

    StandardCsv record(List<Cell> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Cell cell = cells.get(i);
            String value = cell.value() == null ? "" : cell.value();
            if (cell.freeText() && !value.isEmpty() || !value.matches("[^,\"\r\n]*")) {
                // free text always quoted; a code cell only when it must be (kept as text, it may hold a comma)
                text.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                text.append(value);
            }
        }
        text.append("\r\n");
        return this;
    }

    /** Characters Unicode text holds in forms MS932 spells otherwise (〜 − ‖ ¢ £ ¬ —), in MS932's forms. */
    private static String ms932Forms(String text) {
        return text.replace('\u301C', '\uFF5E').replace('\u2212', '\uFF0D').replace('\u2016', '\u2225')
                .replace('\u00A2', '\uFFE0').replace('\u00A3', '\uFFE1').replace('\u00AC', '\uFFE2')
                .replace('\u2014', '\u2015');
    }

    byte[] bytes() {
        CharsetEncoder encoder = MS932.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] {(byte) 0x81, (byte) 0xAC});
        try {
            ByteBuffer out = encoder.encode(CharBuffer.wrap(ms932Forms(text.toString())));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // not thrown: every error is replaced
        }
    }
}
