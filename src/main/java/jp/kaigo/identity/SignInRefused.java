package jp.kaigo.identity;

/** Sign-in or a token was refused; the message is safe to show (it never says which factor failed). */
public class SignInRefused extends RuntimeException {
    public SignInRefused(String message) {
        super(message);
    }
}
