package jp.kaigo.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform on a random port, with a fresh registered municipality for each test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MunicipalityApiTests {
    @LocalServerPort
    int port;
    ApiClient api;
    String insurer;

    @BeforeEach
    void setUpMunicipality() {
        api = new ApiClient(port);
        insurer = MunicipalityFiles.newInsurer(api);
    }
}
