package jp.kaigo.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import jp.kaigo.shared.Party;

/** A client certificate with its private key, as handed to a municipality, office or institution. */
public record IssuedCredential(X509Certificate certificate, PrivateKey privateKey, X509Certificate ca) {
    private static final String ALIAS = "client";

    /** A PKCS#12 key store holding the key and its chain, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate, ca});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name (without extension) a party's credential is written under: {@code <kind>-<number>}. */
    public static String fileBase(Party party) {
        return party.kind().code() + "-" + party.number();
    }

    /** Writes {@code <base>.p12} (PIN/password protected) and {@code <base>.pem}, {@code <base>-key.pem} for curl. */
    public void write(Path directory, String base, char[] password) {
        try {
            Files.createDirectories(directory);
            Path p12 = directory.resolve(base + ".p12");
            try (OutputStream out = Files.newOutputStream(p12)) {
                keyStore(password).store(out, password);
            }
            Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("rw-------"));
            Pem.write(directory.resolve(base + ".pem"), Pem.certificate(certificate), false);
            Pem.write(directory.resolve(base + "-key.pem"), Pem.privateKey(privateKey), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS 1.3 client context presenting this certificate and trusting only {@code trusted}. */
    public SSLContext sslContext(X509Certificate trusted) {
        char[] inMemory = "in-memory".toCharArray();
        return sslContext(keyStore(inMemory), inMemory, trusted);
    }

    /** A TLS 1.3 client context from a key store (e.g. a PKCS#12 file) and the platform CA. */
    public static SSLContext sslContext(KeyStore keys, char[] password, X509Certificate trusted) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            return tls(kmf.getKeyManagers(), trusted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS 1.3 client context with no certificate of its own (the API refuses it; health answers). */
    public static SSLContext anonymous(X509Certificate trusted) {
        return tls(null, trusted);
    }

    private static SSLContext tls(KeyManager[] keys, X509Certificate trusted) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("platform-ca", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
