package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmokeTests {
    @LocalServerPort
    int port;

    @Test
    void importsAndVerifies() {
        var api = new ApiClient(port);
        var p = api.put("/api/insurers/131011", "{\"name\":\"千代田区\"}"); System.out.println(p.body());
        var r = api.uploadCsv("131011", "insured", "full", """
                保険者番号,被保険者番号,履歴番号,有効開始日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由
                131011,0000000001,1,2020-04-01,山田 花子,ヤマダ ハナコ,1940-05-06,2,東京都千代田区1-1,1,2005-05-05,01
                131011,0000000002,1,2020-04-01,山田 太郎,ヤマダ タロウ,1940-05-06,9,東京都千代田区1-1,1,2005-05-05,01
                """);
        System.out.println(r.body());
        var v = api.post("/api/eligibility", "{\"insurerNo\":\"131011\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\"}");
        System.out.println(v.body());
        assertThat(v.status()).isEqualTo(200);
    }
}
