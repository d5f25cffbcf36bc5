package jp.kaigo.cli;

import java.io.PrintStream;
import java.time.Instant;
import jp.kaigo.identity.Totp;
import org.bouncycastle.util.encoders.Base32;

/** Plays the staff member's authenticator app: prints the current one-time code for a Base32 secret. */
final class TotpCommand {
    private TotpCommand() {
    }

    static int run(Commands.Options options, PrintStream out) {
        String secret = options.required("secret").strip().toUpperCase();
        if (!secret.matches("[A-Z2-7]+")) {
            throw new IllegalArgumentException("--secret は Base32 (A〜Z・2〜7) で指定してください");
        }
        int padding = (8 - secret.length() % 8) % 8;
        out.println(Totp.code(Base32.decode(secret + "=".repeat(padding)), Totp.step(Instant.now())));
        return 0;
    }
}
