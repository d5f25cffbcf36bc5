package jp.kaigo.access;

import jp.kaigo.shared.InformationCategory;

/** The answer for one category: permitted or not, and why (the message is for the user). */
public record Decision(InformationCategory category, boolean permitted, AccessReason reason, String message) {

    static Decision of(InformationCategory category, AccessReason reason) {
        return new Decision(category, reason.permits(), reason, reason.message());
    }
}
