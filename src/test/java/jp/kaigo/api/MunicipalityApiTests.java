package jp.kaigo.api;

import jp.kaigo.identity.PlatformPki;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform on a random port, with a fresh registered municipality for each test (its client
 * presents that municipality's certificate) and a care office's client for 資格確認.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MunicipalityApiTests {
    static final String OFFICE = OfficeNumber.withCheckDigit("477010000").value();
    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    ApiClient api;
    ApiClient office;
    String insurer;

    @BeforeEach
    void setUpMunicipality() {
        insurer = MunicipalityFiles.newInsurerNumber();
        api = municipality(insurer);
        MunicipalityFiles.register(api, insurer);
        office = client(Party.office(OFFICE));
    }

    ApiClient municipality(String insurerNo) {
        return client(Party.municipality(insurerNo));
    }

    ApiClient client(Party party) {
        return ApiClient.of(pki, port, party);
    }
}
