package jp.kaigo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import jp.kaigo.TimedRequests.Kind;
import jp.kaigo.TimedRequests.Timed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requests measured against the objectives (docs/slo.md): every 資格確認 and every read of a person's records. */
class TimedRequestsTests {
    @ParameterizedTest(name = "{0} {1} → {2} {3} {4}")
    @CsvSource(nullValues = "-", value = {
        "POST, /api/eligibility,                      ELIGIBILITY, api,    numbers",
        "POST, /api/eligibility/card,                 ELIGIBILITY, api,    card",
        "POST, /api/eligibility/batch,                ELIGIBILITY, api,    batch",
        "POST, /portal/office/eligibility,            ELIGIBILITY, portal, numbers",
        "POST, /portal/office/eligibility/card,       ELIGIBILITY, portal, card",
        "GET,  /api/records/473009/0000000001,        RECORD_READ, api,    person",
        "GET,  /api/records/473009/0000000001/life,   RECORD_READ, api,    category",
        "GET,  /api/person/records/certification,     RECORD_READ, api,    own",
        "GET,  /portal/office/persons/abc,            RECORD_READ, portal, office",
        "GET,  /portal/municipality/persons/abc,      RECORD_READ, portal, municipality",
        "GET,  /portal/me,                            RECORD_READ, portal, own",
        // not measured: other methods, searches, exports, lists, the card challenge, consent, burden-limit consent
        "GET,  /api/eligibility,                      -, -, -",
        "POST, /api/eligibility/burden-limit-consent, -, -, -",
        "GET,  /api/records/search,                   -, -, -",
        "GET,  /api/records/export,                   -, -, -",
        "POST, /api/records/473009/0000000001/emergency, -, -, -",
        "GET,  /portal/office/persons,                -, -, -",
        "GET,  /portal/office/eligibility/card,       -, -, -",
        "POST, /portal/me/consents,                   -, -, -",
        "GET,  /portal/me/other,                      -, -, -",
        "GET,  /readyz,                               -, -, -",
    })
    void measuresExactlyTheChecksAndReads(String method, String path, Timed timer, String channel, String kind) {
        Optional<Kind> expected = timer == null ? Optional.empty() : Optional.of(new Kind(timer, channel, kind));
        assertThat(TimedRequests.of(method, path)).isEqualTo(expected);
    }
}
