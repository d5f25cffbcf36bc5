package jp.kaigo.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;

/**
 * The simulated My Number card and its reader app: {@code card issue} has the simulated J-LIS issue a
 * card (PKCS#12 protected by the PINs) and prints its 利用者証明用 certificate for linking;
 * {@code card sign} signs a platform challenge with the card, as the office's card-reader app would,
 * and prints what the terminal relays to {@code POST /api/eligibility/card}; with {@code --statement}
 * (Base64) and {@code --sign-pin} it also signs the platform's consent statement with the 署名用 key.
 */
final class CardCommand {
    private CardCommand() {
    }

    static int run(Commands.Options options, PrintStream out) {
        if (options.positional().isEmpty()) {
            throw new IllegalArgumentException("card の後に issue・sign のいずれかを指定してください");
        }
        switch (options.positional().get(0)) {
            case "issue" -> {
                Path file = Path.of(options.required("out"));
                if (Files.exists(file)) {
                    throw new IllegalArgumentException("既にあります: " + file);
                }
                SimulatedJlis jlis = SimulatedJlis.open(Path.of(options.get("jlis", "data/pki/jlis")));
                SimulatedCard card = jlis.issueCard();
                card.write(file, options.required("pin"), options.required("sign-pin"));
                out.println("{\"card\":\"" + file + "\",\"certificate\":\"" + encoded(card) + "\"}");
            }
            case "sign" -> {
                byte[] challenge;
                try {
                    challenge = Base64.getDecoder().decode(options.required("challenge"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--challenge は Base64 で指定してください");
                }
                Path card = Path.of(options.required("card"));
                var signed = CardReader.sign(card, options.required("pin"), challenge);
                StringBuilder answer = new StringBuilder("{\"certificate\":\"")
                        .append(Base64.getEncoder().encodeToString(signed.certificate())).append("\",\"signature\":\"")
                        .append(Base64.getEncoder().encodeToString(signed.signature())).append('"');
                String statement = options.get("statement", null);
                if (statement != null) {
                    // consent at an office terminal: the 署名用 key also signs the platform's statement
                    byte[] text;
                    try {
                        text = Base64.getDecoder().decode(statement);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--statement は Base64 で指定してください");
                    }
                    var consent = CardReader.signStatement(card, options.required("sign-pin"), text);
                    answer.append(",\"signingCertificate\":\"")
                            .append(Base64.getEncoder().encodeToString(consent.certificate()))
                            .append("\",\"statementSignature\":\"")
                            .append(Base64.getEncoder().encodeToString(consent.signature())).append('"');
                }
                out.println(answer.append('}'));
            }
            default -> throw new IllegalArgumentException("card の操作は issue・sign のいずれかです");
        }
        return 0;
    }

    private static String encoded(SimulatedCard card) {
        try {
            return Base64.getEncoder().encodeToString(card.authCertificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
