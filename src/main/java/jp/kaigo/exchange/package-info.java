/**
 * Documents exchanged between the parties instead of paper (docs/design/certification-online.md §2): the
 * envelope, immutable versions with their validated payload, the inbox and outbox of each party, the status
 * history and a platform-signed receipt for every status change, chained per document. It knows no domain:
 * the owning module declares each kind's layout (a bean of {@link jp.kaigo.ingest.DocumentLayout}) and takes an accepted
 * document in through its own facade; who may send or read what is decided in {@code access} before.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest"})
package jp.kaigo.exchange;
