package jp.kaigo.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import jp.kaigo.shared.InvalidValue;

/**
 * The rules for a webhook's address: an absolute https URL with a host, no user information and no fragment, at most
 * 2,000 characters; plain http only to the loopback address and only where {@code kaigo.webhooks.allow-loopback-http}
 * says so (a receiver started by a test). Refusals name the field and the rule, never the URL.
 */
final class WebhookAddress {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final String FIELD = "url";
    private static final String LABEL = "通知先URL";

    private WebhookAddress() {
    }

    static URI check(String url, boolean allowLoopbackHttp) {
        if (url == null || url.isBlank()) {
            throw new InvalidValue(FIELD, LABEL, "必須です");
        }
        if (url.length() > 2000) {
            throw new InvalidValue(FIELD, LABEL, "2000文字以内で指定してください");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidValue(FIELD, LABEL, "URLの形式が正しくありません");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            throw new InvalidValue(FIELD, LABEL, "https://ホスト名/… の形の絶対URLを指定してください");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidValue(FIELD, LABEL, "ユーザー情報(user@)やフラグメント(#…)は含められません");
        }
        boolean https = scheme.equals("https");
        boolean loopbackHttp = scheme.equals("http") && allowLoopbackHttp && LOOPBACK.contains(host);
        if (!https && !loopbackHttp) {
            throw new InvalidValue(FIELD, LABEL, "https で始まるURLを指定してください(暗号化されない http は使えません)");
        }
        return uri;
    }

    /**
     * Whether the host resolves to public addresses only, as a post is about to go: loopback, private (site-local),
     * link-local (the cloud metadata address among them), wildcard and multicast addresses are refused, so a webhook
     * cannot make the platform call into its own network; loopback only where the test property allows it.
     */
    static boolean reachable(URI uri, boolean allowLoopback) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(uri.getHost())) {
                boolean internal = address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || address.isLoopbackAddress() && !allowLoopback
                        || address instanceof java.net.Inet6Address v6 && (v6.getAddress()[0] & 0xfe) == 0xfc;
                if (internal) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
