package jp.kaigo.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For the crash test only ({@code NoticeDeliveryCrashTests}): with {@code kaigo.notification.test-halt} set to
 * {@code before-delivery} or {@code after-delivery}, the JVM halts there ({@code Runtime.halt}, no shutdown hooks,
 * as a kill would), inside a listener that runs after its publisher's commit. Unset (always, outside that test):
 * nothing happens.
 */
@Component
class CrashPoint {
    enum Stage { BEFORE_DELIVERY, AFTER_DELIVERY }

    private final Stage haltAt;

    CrashPoint(@Value("${kaigo.notification.test-halt:}") String haltAt) {
        this.haltAt = switch (haltAt) {
            case "before-delivery" -> Stage.BEFORE_DELIVERY;
            case "after-delivery" -> Stage.AFTER_DELIVERY;
            default -> null;
        };
    }

    void at(Stage stage) {
        if (stage == haltAt) {
            Runtime.getRuntime().halt(137);
        }
    }
}
