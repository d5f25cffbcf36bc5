package jp.kaigo.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.kaigo.shared.InvalidValue;

/**
 * The two encodings a municipality may send: UTF-8 and Windows-31J (Shift_JIS with the Microsoft
 * extensions that municipal systems actually produce). When none is declared the first 64 KiB decide.
 */
final class Charsets {
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final int SNIFF = 64 * 1024;

    private Charsets() {
    }

    static Charset named(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "windows-31j", "ms932", "cp932", "shift-jis", "sjis" -> WINDOWS_31J;
            default -> throw new InvalidValue("charset", "文字コード", "UTF-8 または Windows-31J を指定してください");
        };
    }

    /** Decides between UTF-8 and Windows-31J by trying to decode the start of the stream as UTF-8. */
    static Charset sniff(BufferedInputStream in) {
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.wrap(head);
            var result = utf8.decode(bytes, CharBuffer.allocate(head.length), true);
            if (!result.isError()) {
                return StandardCharsets.UTF_8;
            }
            // a multi-byte character cut at the end of the sniffed block is not an error
            boolean cutAtEnd = head.length == SNIFF && bytes.position() >= head.length - 3;
            return cutAtEnd ? StandardCharsets.UTF_8 : WINDOWS_31J;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
