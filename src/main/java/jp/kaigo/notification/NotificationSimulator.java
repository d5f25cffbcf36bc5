package jp.kaigo.notification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The email and SMS channel until a provider is contracted ({@code kaigo.notification.channel=simulator}, the default):
 * each message is a file {@code <dir>/<channel>/<noticeId>.txt} (To, Subject, body), created with {@code CREATE_NEW}.
 * A file already there means the message was sent before, so a repeated delivery sends nothing (design §7.3).
 * A blank {@code kaigo.notification.simulator-dir} means a throwaway directory.
 */
@Component
@ConditionalOnProperty(name = "kaigo.notification.channel", havingValue = "simulator", matchIfMissing = true)
class NotificationSimulator implements NoticeChannel {
    private static final Logger log = LoggerFactory.getLogger(NotificationSimulator.class);
    private final Path dir;
    private final String portalUrl;

    NotificationSimulator(@Value("${kaigo.notification.simulator-dir:./data/notification-sim}") String dir,
            @Value("${kaigo.notification.portal-url:https://localhost:8443/portal/me/notices}") String portalUrl)
            throws IOException {
        this.dir = dir.isBlank() ? Files.createTempDirectory("kaigo-notification-sim-") : Path.of(dir);
        this.portalUrl = portalUrl;
    }

    /** Where the messages are written. */
    Path directory() {
        return dir;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel == Channel.EMAIL || channel == Channel.SMS;
    }

    @Override
    public Delivery deliver(Channel channel, UUID noticeId, String address) {
        PointerMessage message = PointerMessage.to(portalUrl);
        String text = "To: " + address + "\nSubject: " + message.subject() + "\n\n" + message.body();
        Path file = dir.resolve(channel.code()).resolve(noticeId + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            log.info("notice {} sent by {} (simulated)", noticeId, channel.code());
        } catch (FileAlreadyExistsException sentBefore) {
            log.info("notice {} was sent by {} before (simulated)", noticeId, channel.code());
        } catch (IOException e) {
            log.warn("notice {} not sent by {} (simulated): {}", noticeId, channel.code(), e.getClass().getSimpleName());
            return new Delivery.Failed("io-error", true);
        }
        return new Delivery.Sent("simulator:" + noticeId);
    }
}
