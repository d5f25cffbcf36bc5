package jp.kaigo.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/**
 * How the person wants to be told besides the portal inbox: on paper too ("紙でも受け取る"), and a pointer (no content)
 * by email and/or SMS. Blank addresses are none. Error messages never repeat the address.
 */
public record ContactPreferences(boolean paper, String email, String sms) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("0[0-9]{9,10}");

    public static final ContactPreferences NONE = new ContactPreferences(false, null, null);

    public ContactPreferences {
        email = email == null || email.isBlank() ? null : email.strip();
        sms = sms == null || sms.isBlank() ? null : sms.strip().replace("-", "");
        List<Violation> violations = new ArrayList<>();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            violations.add(new Violation("email", "メールアドレス", "形式が正しくありません"));
        }
        if (sms != null && !PHONE.matcher(sms).matches()) {
            violations.add(new Violation("sms", "SMSを受け取る電話番号", "0から始まる10〜11桁の数字で指定してください"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValue(violations);
        }
    }

    @Override
    public String toString() { // addresses are personal data: never in a log line
        return "ContactPreferences[paper=" + paper + ", email=" + (email != null) + ", sms=" + (sms != null) + "]";
    }
}
