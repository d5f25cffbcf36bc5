package jp.kaigo.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's certification authority, kept in a directory: {@code ca.pem} and {@code ca-key.pem}
 * (the CA; in production its key belongs in an HSM), {@code server.pem}/{@code server-key.pem}
 * (the TLS server), {@code crl.pem} (revoked client certificates, re-signed on every revocation) and
 * {@code revoked.tsv} (its source). Keys are EC P-256, signatures SHA256withECDSA.
 *
 * <p>A client certificate names its party in the subject: {@code OU} = the kind
 * ({@link PartyKind#code()}), {@code SERIALNUMBER} = the national number (保険者番号, 事業所番号 or
 * 医療機関コード), {@code CN} = the organisation's name.
 */
public final class PlatformPki {
    private static final Logger log = LoggerFactory.getLogger(PlatformPki.class);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /**
     * The server certificate's life: under the 398 days Apple platforms (and the CA/Browser Forum) accept for a
     * TLS server certificate, back-dating included.
     */
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    private static final Duration MOST_SERVER_VALIDITY = Duration.ofDays(398);
    /** A server certificate closer than this to its end is replaced when the platform starts. */
    private static final Duration SERVER_RENEWAL = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final X509Certificate ca;
    private final PrivateKey caKey;
    private volatile LoadedCrl crl;
    private static final int MOST_CACHED_PARTIES = 10_000;
    private final java.util.Map<X509Certificate, Optional<Party>> parties = new java.util.concurrent.ConcurrentHashMap<>();

    /** The CRL as last read, with the file's modification time and when that time was last looked at. */
    private record LoadedCrl(long modified, long checkedAt, X509CRL crl) {
    }

    /** How often the CRL file is looked at for changes (a revocation by this process applies at once). */
    private static final long CRL_CHECK_NANOS = 1_000_000_000L;

    private PlatformPki(Path dir, X509Certificate ca, PrivateKey caKey) {
        this.dir = dir;
        this.ca = ca;
        this.caKey = caKey;
    }

    /**
     * Opens the CA in {@code dir}, creating it (with a server certificate for localhost and a CRL) when
     * the directory holds none yet; re-signs the CRL when it expires within two days.
     */
    public static PlatformPki open(Path dir) {
        return open(dir, "kaigo-platform CA", true);
    }

    /** Opens (or creates) a CA without a server certificate, e.g. the simulated J-LIS CA. */
    static synchronized PlatformPki open(Path dir, String caName, boolean withServer) {
        try {
            Path abs = dir.toAbsolutePath();
            Files.createDirectories(abs);
            if (!Files.exists(abs.resolve("ca.pem"))) {
                create(abs, caName, withServer);
            }
            PlatformPki pki = new PlatformPki(abs, Pem.readCertificate(abs.resolve("ca.pem")),
                    Pem.readPrivateKey(abs.resolve("ca-key.pem")));
            pki.renewCrlIfDue();
            if (withServer && pki.serverCertificateWantsRenewal()) {
                pki.issueServer(SERVER_VALIDITY);
                log.info("replaced the server certificate in {} (longer than {} days or ending within {} days)", abs,
                        MOST_SERVER_VALIDITY.toDays(), SERVER_RENEWAL.toDays());
            }
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void create(Path dir, String name, boolean withServer) {
        KeyPair caKeys = newKeyPair();
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "kaigo-platform")
                .addRDN(BCStyle.CN, name + " (" + Instant.now().toString().substring(0, 10) + ")").build();
        Instant now = Instant.now();
        X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(300)),
                Date.from(now.plus(Duration.ofDays(3650))), caName, caKeys.getPublic()), caKeys.getPrivate(), b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(caKeys.getPublic()));
                });
        Pem.write(dir.resolve("ca-key.pem"), Pem.privateKey(caKeys.getPrivate()), true);
        Pem.write(dir.resolve("ca.pem"), Pem.certificate(ca), false);
        if (withServer) {
            new PlatformPki(dir, ca, caKeys.getPrivate()).issueServer(SERVER_VALIDITY);
        }
        log.info("created the CA \"{}\" in {}", name, dir);
    }

    public Path directory() {
        return dir;
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertificateFile() {
        return dir.resolve("server.pem");
    }

    public Path serverKeyFile() {
        return dir.resolve("server-key.pem");
    }

    /** Issues a client certificate valid from now for {@code validity}. */
    public IssuedCredential issue(Party party, String name, Duration validity) {
        Instant now = Instant.now();
        return issue(party, name, now.minusSeconds(60), now.plus(validity));
    }

    /** Issues a client certificate for the party with the given validity period. */
    public IssuedCredential issue(Party party, String name, Instant notBefore, Instant notAfter) {
        if (name == null || name.isBlank()) {
            throw new InvalidValue("name", "名称", "必須です");
        }
        KeyPair keys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "kaigo-platform")
                .addRDN(BCStyle.OU, party.kind().code()).addRDN(BCStyle.SERIALNUMBER, party.number())
                .addRDN(BCStyle.CN, name).build();
        X509Certificate cert = sign(new JcaX509v3CertificateBuilder(ca, serial(), Date.from(notBefore), Date.from(notAfter),
                subject, keys.getPublic()), caKey, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                    b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(ca));
                    b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(keys.getPublic()));
                });
        log.info("issued certificate {} for {}", cert.getSerialNumber().toString(16), party);
        return new IssuedCredential(cert, keys.getPrivate(), ca);
    }

    /** A certificate for a subject without a party (the simulated My Number card's keys). */
    X509Certificate issueFor(X500Name subject, java.security.PublicKey key, Duration validity, int keyUsage) {
        Instant now = Instant.now();
        return sign(new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)),
                subject, key), caKey, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                    b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(ca));
                });
    }

    /**
     * Whether {@code cert} was issued by this CA (its signature verifies with the CA key), is within its
     * validity and not revoked.
     */
    public boolean vouchesFor(X509Certificate cert) {
        try {
            cert.verify(ca.getPublicKey());
            cert.checkValidity();
            return !isRevoked(cert);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The receipt-signing key and its certificate (design §2.6.2). */
    public record ReceiptSigner(PrivateKey key, X509Certificate certificate) {
        /** The certificate's serial, hexadecimal: what a receipt names its signer by. */
        public String serial() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    /** A receipt certificate's life, and how long before its end a new one replaces it. */
    static final Duration RECEIPT_VALIDITY = Duration.ofDays(730);
    private static final Duration RECEIPT_RENEWAL = Duration.ofDays(30);
    private volatile ReceiptSigner receiptSigner;
    private final java.util.Map<String, X509Certificate> receiptCertificates = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The current receipt-signing key ({@code receipts.pem}/{@code receipts-key.pem}): created on first use and
     * replaced when it ends within 30 days (as the server certificate). Not the CA key (it signs only certificates
     * and CRLs) and not the TLS key (another life and purpose). Every receipt certificate is also kept as
     * {@code receipts-<serial>.pem}, so receipts signed before a renewal still verify.
     */
    public ReceiptSigner receiptSigner() {
        ReceiptSigner current = receiptSigner;
        if (current != null && !current.certificate().getNotAfter().toInstant().isBefore(Instant.now().plus(RECEIPT_RENEWAL))) {
            return current;
        }
        synchronized (this) {
            current = receiptSigner;
            if (current == null && Files.exists(dir.resolve("receipts.pem")) && Files.exists(dir.resolve("receipts-key.pem"))) {
                current = new ReceiptSigner(Pem.readPrivateKey(dir.resolve("receipts-key.pem")),
                        Pem.readCertificate(dir.resolve("receipts.pem")));
            }
            if (current == null || current.certificate().getNotAfter().toInstant().isBefore(Instant.now().plus(RECEIPT_RENEWAL))) {
                current = issueReceiptSigner(RECEIPT_VALIDITY);
            }
            receiptSigner = current;
            return current;
        }
    }

    /** Replaces the receipt-signing key now (e.g. when it is suspected to be exposed); old receipts still verify. */
    public synchronized ReceiptSigner renewReceiptSigner() {
        receiptSigner = issueReceiptSigner(RECEIPT_VALIDITY);
        return receiptSigner;
    }

    private synchronized ReceiptSigner issueReceiptSigner(Duration validity) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "kaigo-platform")
                .addRDN(BCStyle.OU, "receipts")
                .addRDN(BCStyle.CN, "kaigo-platform receipts " + now.toString().substring(0, 4)).build();
        X509Certificate cert = sign(new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(300)),
                Date.from(now.minusSeconds(300).plus(validity)), subject, keys.getPublic()), caKey, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(ca));
                    b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(keys.getPublic()));
                });
        String serial = cert.getSerialNumber().toString(16);
        // the archive copy first: a receipt is never signed by a certificate that is not kept
        Pem.write(dir.resolve("receipts-" + serial + ".pem"), Pem.certificate(cert), false);
        Pem.write(dir.resolve("receipts-key.pem"), Pem.privateKey(keys.getPrivate()), true);
        Pem.write(dir.resolve("receipts.pem"), Pem.certificate(cert), false);
        receiptCertificates.put(serial, cert);
        log.info("issued the receipt-signing certificate {}", serial);
        return new ReceiptSigner(keys.getPrivate(), cert);
    }

    /** The receipt certificate of that serial (hexadecimal), current or past. */
    public Optional<X509Certificate> receiptCertificate(String serial) {
        if (serial == null || !serial.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        X509Certificate known = receiptCertificates.get(serial);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = dir.resolve("receipts-" + serial + ".pem");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        X509Certificate cert = Pem.readCertificate(file);
        receiptCertificates.put(serial, cert);
        return Optional.of(cert);
    }

    /**
     * Whether the signature over the statement verifies with the receipt certificate, which this CA issued for
     * signing (key usage digitalSignature, no TLS use), which was valid at {@code signedAt} and is not revoked.
     */
    public boolean verifyReceipt(byte[] statement, byte[] signature, X509Certificate signer, Instant signedAt) {
        return checkReceipt(ca, this::isRevoked, statement, signature, signer, signedAt) == ReceiptSignature.VALID;
    }

    /** What a receipt's signature check found, first failing check first. */
    public enum ReceiptSignature {
        VALID, NOT_ISSUED_BY_CA, OUTSIDE_VALIDITY, NOT_FOR_RECEIPTS, REVOKED, BAD_SIGNATURE
    }

    /**
     * The receipt check of {@link #verifyReceipt} against a CA certificate alone, without its key or directory: for
     * a party that verifies receipts offline ({@code receipt verify}); {@code revoked} answers from the CRL it has.
     */
    public static ReceiptSignature checkReceipt(X509Certificate ca, java.util.function.Predicate<X509Certificate> revoked,
            byte[] statement, byte[] signature, X509Certificate signer, Instant signedAt) {
        try {
            signer.verify(ca.getPublicKey());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return ReceiptSignature.NOT_ISSUED_BY_CA;
        }
        try {
            signer.checkValidity(Date.from(signedAt));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return ReceiptSignature.OUTSIDE_VALIDITY;
        }
        boolean[] usage = signer.getKeyUsage();
        try {
            if (usage == null || !usage[0] || signer.getExtendedKeyUsage() != null) {
                return ReceiptSignature.NOT_FOR_RECEIPTS;
            }
        } catch (GeneralSecurityException e) {
            return ReceiptSignature.NOT_FOR_RECEIPTS;
        }
        if (revoked.test(signer)) {
            return ReceiptSignature.REVOKED;
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(SIGNATURE);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(statement);
            return verifier.verify(signature) ? ReceiptSignature.VALID : ReceiptSignature.BAD_SIGNATURE;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return ReceiptSignature.BAD_SIGNATURE;
        }
    }

    /** Whether the server certificate is missing, longer-lived than browsers accept, or near its end. */
    private boolean serverCertificateWantsRenewal() throws IOException {
        if (!Files.exists(serverCertificateFile())) {
            return true;
        }
        X509Certificate server = Pem.readCertificate(serverCertificateFile());
        Instant from = server.getNotBefore().toInstant();
        Instant until = server.getNotAfter().toInstant();
        return Duration.between(from, until).compareTo(MOST_SERVER_VALIDITY) > 0
                || until.isBefore(Instant.now().plus(SERVER_RENEWAL));
    }

    /** Issues the server certificate for this host, valid from five minutes ago for {@code validity}. */
    void issueServer(Duration validity) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "kaigo-platform")
                .addRDN(BCStyle.CN, "localhost").build();
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (!host.equals("localhost")) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
        } catch (IOException e) {
            log.debug("no host name for the server certificate: {}", e.getClass().getSimpleName());
        }
        X509Certificate cert = sign(new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(300)),
                Date.from(now.minusSeconds(300).plus(validity)), subject, keys.getPublic()), caKey, b -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                    b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(ca));
                });
        Pem.write(serverKeyFile(), Pem.privateKey(keys.getPrivate()), true);
        Pem.write(serverCertificateFile(), Pem.certificate(cert), false);
    }

    /**
     * Re-signs the CRL when it is missing or ends within two days; run at start and every hour, so a platform
     * that runs for weeks keeps accepting certificates (a CRL past its next update refuses them all).
     */
    public synchronized boolean renewCrlIfDue() {
        Path file = dir.resolve("crl.pem");
        if (Files.exists(file) && !Pem.readCrl(file).getNextUpdate().toInstant().isBefore(Instant.now().plus(Duration.ofDays(2)))) {
            return false;
        }
        writeCrl();
        crl = null;
        return true;
    }

    /** When the current CRL stops being valid. */
    public Instant crlNextUpdate() {
        return Pem.readCrl(dir.resolve("crl.pem")).getNextUpdate().toInstant();
    }

    /** Adds the certificate to the revocation list and re-signs the CRL; a running server reads it at once. */
    public synchronized void revoke(BigInteger serial) {
        try {
            Files.writeString(dir.resolve("revoked.tsv"), serial.toString(16) + "\t" + Instant.now() + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeCrl();
        crl = null;
        log.info("revoked certificate {}", serial.toString(16));
    }

    private void writeCrl() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(ca).getSubject(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
            Path revoked = dir.resolve("revoked.tsv");
            int count = 0;
            if (Files.exists(revoked)) {
                for (String line : Files.readAllLines(revoked, StandardCharsets.US_ASCII)) {
                    if (!line.isBlank()) {
                        String[] cells = line.split("\t");
                        builder.addCRLEntry(new BigInteger(cells[0], 16), Date.from(Instant.parse(cells[1])),
                                CRLReason.unspecified);
                        count++;
                    }
                }
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(ca));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            X509CRL signed = new JcaX509CRLConverter().getCRL(builder.build(signer(caKey)));
            Pem.write(dir.resolve("crl.pem"), Pem.encode("X509 CRL", signed.getEncoded()), false);
            log.debug("CRL written with {} entries", count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the certificate is revoked, by the current CRL file (re-read when it changes; a change by
     * another process is seen within a second, one by {@link #revoke} at once). Fails
     * closed: a CRL that is missing, not signed by this CA or past its next update revokes everything.
     */
    public boolean isRevoked(X509Certificate cert) {
        Path file = dir.resolve("crl.pem");
        try {
            LoadedCrl loaded = crl;
            long now = System.nanoTime();
            if (loaded == null || now - loaded.checkedAt() > CRL_CHECK_NANOS) {
                long modified = Files.getLastModifiedTime(file).toMillis();
                if (loaded == null || loaded.modified() != modified) {
                    X509CRL read = Pem.readCrl(file);
                    read.verify(ca.getPublicKey());
                    loaded = new LoadedCrl(modified, now, read);
                } else {
                    loaded = new LoadedCrl(modified, now, loaded.crl());
                }
                crl = loaded;
            }
            if (loaded.crl().getNextUpdate().before(new Date())) {
                log.error("the CRL is past its next update; every client certificate is refused until it is re-signed");
                return true;
            }
            return loaded.crl().isRevoked(cert);
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            log.error("the CRL cannot be read ({}); every client certificate is refused", e.getClass().getSimpleName());
            return true;
        }
    }

    /**
     * The party a client certificate names, as {@link #partyOf}, read once per certificate: every request of a
     * connection carries the same certificate, and parsing its subject costs more than the rest of a 資格確認's
     * checks (14 % of its CPU in a profile).
     */
    public Optional<Party> partyNamedBy(X509Certificate cert) {
        if (parties.size() > MOST_CACHED_PARTIES) {
            parties.clear();
        }
        return parties.computeIfAbsent(cert, PlatformPki::partyOf);
    }

    /** The party a client certificate of this CA names, if its subject names one validly. */
    public static Optional<Party> partyOf(X509Certificate cert) {
        try {
            X500Name subject = new JcaX509CertificateHolder(cert).getSubject();
            Optional<PartyKind> kind = PartyKind.ofCode(value(subject, BCStyle.OU));
            String number = value(subject, BCStyle.SERIALNUMBER);
            if (kind.isEmpty() || number == null) {
                return Optional.empty();
            }
            return Optional.of(new Party(kind.get(), number));
        } catch (GeneralSecurityException | InvalidValue e) {
            return Optional.empty();
        }
    }

    private static String value(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 1 ? IETFUtils.valueToString(rdns[0].getFirst().getValue()) : null;
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, Extensions extensions) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
