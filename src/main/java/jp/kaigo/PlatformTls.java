package jp.kaigo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.kaigo.identity.PlatformPki;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the server speak TLS 1.3 only and ask every client for a certificate of the platform CA
 * (national-design.md A5). The CA lives in {@code kaigo.pki.dir} (default {@code ./data/pki}) and is
 * created there on first start; when the property is blank, a throwaway directory is used (tests;
 * one per JVM, so every test context trusts the same CA).
 */
public class PlatformTls implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /**
     * The key-exchange groups the server offers: the two curves every browser and TLS library has, and P-384
     * for clients that insist on it. Java 17's JSSE takes them only from this system property (Tomcat's
     * {@code groups} setting needs Java 20's SSLParameters), read when TLS is first used, before any handshake.
     */
    static final String NAMED_GROUPS = "x25519,secp256r1,secp384r1";
    private static Path throwaway;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (System.getProperty("jdk.tls.namedGroups") == null) {
            System.setProperty("jdk.tls.namedGroups", NAMED_GROUPS);
        }
        ConfigurableEnvironment env = context.getEnvironment();
        String configured = env.getProperty("kaigo.pki.dir", "");
        PlatformPki pki = PlatformPki.open(configured.isBlank() ? throwawayDirectory() : Path.of(configured));
        String bundle = "spring.ssl.bundle.pem.platform.";
        env.getPropertySources().addFirst(new MapPropertySource("platformTls", Map.of(
                "kaigo.pki.dir", pki.directory().toString(),
                bundle + "keystore.certificate", "file:" + pki.serverCertificateFile(),
                bundle + "keystore.private-key", "file:" + pki.serverKeyFile(),
                bundle + "truststore.certificate", "file:" + pki.caFile(),
                bundle + "options.enabled-protocols", "TLSv1.3",
                "server.ssl.bundle", "platform",
                // "want": the handshake asks for a certificate; the API refuses requests without one, and
                // the health endpoint stays reachable for monitoring
                "server.ssl.client-auth", "want")));
    }

    private static synchronized Path throwawayDirectory() {
        if (throwaway == null) {
            try {
                throwaway = Files.createTempDirectory("kaigo-pki-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = throwaway;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
        }
        return throwaway;
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
