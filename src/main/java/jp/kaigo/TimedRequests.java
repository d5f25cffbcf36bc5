package jp.kaigo;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which requests the platform times against its service-level objectives: each 資格確認 and each read of a
 * person's records, by the API or the portal (a pure rule over the method and path; the table test lists them).
 * Everything else is left untimed, which keeps the per-request cost off the hot paths that are not measured.
 */
public final class TimedRequests {
    /** The timer a request counts in, and the tags that tell its channel and kind. */
    public enum Timed {
        ELIGIBILITY("kaigo.eligibility"), RECORD_READ("kaigo.record.read");

        final String meter;

        Timed(String meter) {
            this.meter = meter;
        }
    }

    /** A timed request: its timer, its channel ({@code api} or {@code portal}) and its kind. */
    public record Kind(Timed timer, String channel, String kind) {
    }

    private record Route(String method, Pattern path, Kind kind) {
    }

    private static final String SEGMENT = "[^/]+";
    private static final Route[] ROUTES = {
        route("POST", "/api/eligibility", Timed.ELIGIBILITY, "api", "numbers"),
        route("POST", "/api/eligibility/card", Timed.ELIGIBILITY, "api", "card"),
        route("POST", "/api/eligibility/batch", Timed.ELIGIBILITY, "api", "batch"),
        route("POST", "/portal/office/eligibility", Timed.ELIGIBILITY, "portal", "numbers"),
        route("POST", "/portal/office/eligibility/card", Timed.ELIGIBILITY, "portal", "card"),
        route("GET", "/api/records/*/*", Timed.RECORD_READ, "api", "person"),
        route("GET", "/api/records/*/*/*", Timed.RECORD_READ, "api", "category"),
        route("GET", "/api/person/records/*", Timed.RECORD_READ, "api", "own"),
        route("GET", "/portal/office/persons/*", Timed.RECORD_READ, "portal", "office"),
        route("GET", "/portal/municipality/persons/*", Timed.RECORD_READ, "portal", "municipality"),
        route("GET", "/portal/me", Timed.RECORD_READ, "portal", "own"),
    };

    private TimedRequests() {
    }

    /** The kind a request is timed as, or empty when it is not one of the measured requests. */
    public static Optional<Kind> of(String method, String path) {
        for (Route route : ROUTES) {
            if (route.method().equals(method) && route.path().matcher(path).matches()) {
                return Optional.of(route.kind());
            }
        }
        return Optional.empty();
    }

    private static Route route(String method, String path, Timed timer, String channel, String kind) {
        // a "*" is one path segment
        return new Route(method, Pattern.compile(path.replace("*", SEGMENT)), new Kind(timer, channel, kind));
    }
}
