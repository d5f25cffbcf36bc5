package jp.kaigo.shared;

/**
 * The "modulus 10, weights 2-1" check digit used by 保険者番号, 事業所番号 and 医療機関コード:
 * weights 2,1,2,1… from the rightmost body character, products summed digit by digit,
 * check = (10 − sum mod 10) mod 10. Letters (事業所番号 position 3 only) count A=10 … Z=32,
 * skipping I, O and Q (MHLW 資料13).
 */
final class CheckDigits {
    private CheckDigits() {
    }

    static int modulus10Weights21(CharSequence body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            int product = valueOf(body.charAt(i)) * weight;
            while (product > 0) {
                sum += product % 10;
                product /= 10;
            }
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c < 'A' || c > 'Z' || c == 'I' || c == 'O' || c == 'Q') {
            throw new IllegalArgumentException("not a check-digit character");
        }
        int skipped = (c > 'I' ? 1 : 0) + (c > 'O' ? 1 : 0) + (c > 'Q' ? 1 : 0);
        return 10 + (c - 'A') - skipped;
    }

    static boolean isPrefecture(String twoDigits) {
        int p = Integer.parseInt(twoDigits);
        return p >= 1 && p <= 47;
    }
}
