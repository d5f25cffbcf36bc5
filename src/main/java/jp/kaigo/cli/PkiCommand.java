package jp.kaigo.cli;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;

/**
 * The platform CA from the command line: {@code pki init} creates it (and the server certificate),
 * {@code pki issue} issues a client certificate for a municipality, office or medical institution,
 * {@code pki revoke} puts one on the revocation list (a running server refuses it from the next request).
 */
final class PkiCommand {
    private PkiCommand() {
    }

    static int run(Commands.Options options, PrintStream out) {
        if (options.positional().isEmpty()) {
            throw new IllegalArgumentException("pki の後に init・issue・revoke のいずれかを指定してください");
        }
        PlatformPki pki = PlatformPki.open(Path.of(options.get("dir", "data/pki")));
        switch (options.positional().get(0)) {
            case "init" -> out.println("認証局: " + pki.caFile() + "\nサーバ証明書: " + pki.serverCertificateFile());
            case "issue" -> issue(pki, options, out);
            case "revoke" -> {
                BigInteger serial = serial(options.required("serial"));
                pki.revoke(serial);
                out.println("失効させました: シリアル番号 " + serial.toString(16));
            }
            default -> throw new IllegalArgumentException("pki の操作は init・issue・revoke のいずれかです");
        }
        return 0;
    }

    private static void issue(PlatformPki pki, Commands.Options options, PrintStream out) {
        PartyKind kind = PartyKind.ofCode(options.required("kind")).orElseThrow(() -> new IllegalArgumentException(
                "--kind は municipality・office・medical-institution のいずれかです"));
        Party party;
        try {
            party = new Party(kind, options.required("number"));
        } catch (InvalidValue e) {
            throw new IllegalArgumentException(e.violations().get(0).message());
        }
        int days = options.integer("days", 365);
        String password = options.required("password");
        Path dir = Path.of(options.get("out", "."));
        String base = IssuedCredential.fileBase(party);
        if (Files.exists(dir.resolve(base + ".p12"))) {
            throw new IllegalArgumentException("既にあります: " + dir.resolve(base + ".p12"));
        }
        IssuedCredential credential = pki.issue(party, options.required("name"), Duration.ofDays(days));
        credential.write(dir, base, password.toCharArray());
        out.println("発行しました: " + dir.resolve(base + ".p12") + " (と " + base + ".pem, " + base
                + "-key.pem)  シリアル番号 " + credential.certificate().getSerialNumber().toString(16));
    }

    private static BigInteger serial(String hex) {
        try {
            return new BigInteger(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--serial は16進数で指定してください");
        }
    }
}
