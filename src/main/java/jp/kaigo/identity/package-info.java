/**
 * Who is asking: the platform's certification authority and the client certificates it issues to
 * municipalities, care offices and medical institutions (mutual TLS 1.3, national-design.md A5),
 * their revocation list, and the server certificate.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package jp.kaigo.identity;
