package jp.kaigo.identity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every platform instance on the database that staff tokens stopped being valid, through PostgreSQL's
 * LISTEN/NOTIFY. The change's transaction sends a notification (delivered when it commits, never if it rolls
 * back); each instance's listener drops what it had cached and acknowledges on the same channel; the instance
 * that made the change answers only when every instance seen alive in the last {@link #ALIVE} seconds has
 * acknowledged (or after {@link #ACK_WAIT}, with a warning). So the next request anywhere is refused.
 * <p>
 * Only while its listener is connected and its heartbeat recent may an instance trust its cache
 * ({@link #listening()}); otherwise it checks the database on every request.
 */
@Component
class TokenRevocations implements SmartLifecycle {
    static final String CHANNEL = "kaigo_staff_tokens";
    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    static final int ALIVE = 15;
    static final Duration ACK_WAIT = Duration.ofSeconds(2);
    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(5).toNanos();

    /** What stopped being valid: one session's tokens, or every token of a staff member, or everything. */
    sealed interface Revoked {
        record Session(UUID sessionId) implements Revoked {
        }

        record Staff(UUID staffId) implements Revoked {
        }

        record Everything() implements Revoked {
        }
    }

    private final JdbcClient sql;
    private final String url;
    private final String user;
    private final String password;
    private final String initSql;
    private final UUID listenerId = UUID.randomUUID();
    private final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();
    private volatile Consumer<Revoked> subscriber = r -> { };
    private volatile boolean connected;
    private volatile long heartbeatAt;
    private volatile boolean running;
    private Thread listener;

    TokenRevocations(JdbcClient sql, Environment env) {
        this.sql = sql;
        this.url = env.getRequiredProperty("spring.datasource.url");
        this.user = env.getProperty("spring.datasource.username");
        this.password = env.getProperty("spring.datasource.password");
        this.initSql = env.getProperty("spring.datasource.hikari.connection-init-sql");
    }

    /** The one cache that forgets what is revoked (the instance's {@link StaffAccounts}). */
    void subscribe(Consumer<Revoked> subscriber) {
        this.subscriber = subscriber;
    }

    /** True while notifications arrive and the heartbeat is recent, so that a cached token check can be trusted. */
    boolean listening() {
        return connected && System.nanoTime() - heartbeatAt < 2 * HEARTBEAT_NANOS;
    }

    /**
     * Sends the revocation with the current transaction (or at once outside one) and, once it is committed, waits
     * for every live instance's acknowledgement.
     */
    void announce(Revoked revoked) {
        String nonce = UUID.randomUUID().toString();
        String payload = nonce + " " + (revoked instanceof Revoked.Session s ? "session " + s.sessionId()
                : revoked instanceof Revoked.Staff s ? "staff " + s.staffId() : "all");
        int alive = sql.sql("select count(*) from identity.token_listeners where seen_at > now() - make_interval(secs => :alive)")
                .param("alive", ALIVE).query(Integer.class).single();
        CountDownLatch acks = new CountDownLatch(alive);
        awaited.put(nonce, acks);
        sql.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                .query().singleValue();
        Runnable wait = () -> {
            try {
                if (!acks.await(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("{} of {} platform instances did not acknowledge a staff token revocation within {}",
                            acks.getCount(), alive, ACK_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                awaited.remove(nonce);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        wait.run();
                    } else {
                        awaited.remove(nonce);
                    }
                }
            });
        } else {
            wait.run();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                if (initSql != null && !initSql.isBlank()) {
                    execute(c, initSql);
                }
                execute(c, "listen " + CHANNEL);
                heartbeat(c);
                // anything cached before the listener was in place may have missed a notification
                subscriber.accept(new Revoked.Everything());
                connected = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(1_000);
                    if (arrived != null) {
                        for (PGNotification n : arrived) {
                            received(c, n.getParameter());
                        }
                    }
                    if (System.nanoTime() - heartbeatAt > HEARTBEAT_NANOS) {
                        heartbeat(c);
                    }
                }
                connected = false;
                try (PreparedStatement gone = c.prepareStatement("delete from identity.token_listeners where listener_id = ?")) {
                    gone.setObject(1, listenerId);
                    gone.executeUpdate();
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Staff token notifications interrupted ({}); every request checks the database until they resume",
                            e.getSQLState());
                }
            } finally {
                connected = false;
                subscriber.accept(new Revoked.Everything());
            }
            if (running) {
                pause();
            }
        }
    }

    private void heartbeat(Connection c) throws SQLException {
        try (PreparedStatement alive = c.prepareStatement("""
                insert into identity.token_listeners (listener_id) values (?)
                on conflict (listener_id) do update set seen_at = now()
                """)) {
            alive.setObject(1, listenerId);
            alive.executeUpdate();
        }
        heartbeatAt = System.nanoTime();
    }

    private void received(Connection c, String payload) throws SQLException {
        String[] parts = payload.split(" ");
        String nonce = parts[0];
        String kind = parts.length == 3 ? parts[1] : "all";
        if (kind.equals("ack")) {
            CountDownLatch acks = awaited.get(nonce);
            if (acks != null) {
                acks.countDown();
            }
            return;
        }
        subscriber.accept(switch (kind) {
            case "session" -> new Revoked.Session(UUID.fromString(parts[2]));
            case "staff" -> new Revoked.Staff(UUID.fromString(parts[2]));
            default -> new Revoked.Everything();
        });
        try (PreparedStatement ack = c.prepareStatement("select pg_notify(?, ?)")) {
            ack.setString(1, CHANNEL);
            ack.setString(2, nonce + " ack " + listenerId);
            ack.execute();
        }
    }

    private static void execute(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = new Thread(this::listen, "staff-token-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (listener != null) {
            try {
                listener.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
