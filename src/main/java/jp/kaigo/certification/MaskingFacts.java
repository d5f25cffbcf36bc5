package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PacketMasker} hides in one case's free texts (design §6.3): the person's name in kanji and kana, the
 * address, the date of birth and the insured number, and the other people the case names: the contact and the
 * applicant of the application (names and phones), the doctor and the surveyor. A blank string, a null date or a
 * null number is a fact not known: nothing is masked for it.
 *
 * @param otherNames the contact's, the applicant's, the doctor's and the surveyor's names, each as written
 *                   ("介護 花子": the whole and each part are masked)
 * @param phones     every phone number of the case as written (the person's, the contact's, the applicant's)
 */
record MaskingFacts(Person person, String address, LocalDate birthDate, String insuredNumber, List<String> phones,
        List<String> otherNames) {

    MaskingFacts {
        person = Objects.requireNonNullElse(person, Person.NONE);
        address = Objects.requireNonNullElse(address, "");
        insuredNumber = Objects.requireNonNullElse(insuredNumber, "");
        phones = phones == null ? List.of() : phones.stream().filter(Objects::nonNull).toList();
        otherNames = otherNames == null ? List.of() : otherNames.stream().filter(Objects::nonNull).toList();
    }

    /** The person's name: family and given, in kanji and in kana (katakana or hiragana, full or half width). */
    record Person(String family, String given, String familyKana, String givenKana) {
        static final Person NONE = new Person("", "", "", "");

        Person {
            family = Objects.requireNonNullElse(family, "").strip();
            given = Objects.requireNonNullElse(given, "").strip();
            familyKana = Objects.requireNonNullElse(familyKana, "").strip();
            givenKana = Objects.requireNonNullElse(givenKana, "").strip();
        }

        /**
         * The name as the registry keeps it, family and given separated by a (full-width) space ("山田　太郎",
         * "ヤマダ　タロウ"); a name without a space is taken as the family name alone.
         */
        static Person ofRegistry(String name, String nameKana) {
            String[] kanji = split(name);
            String[] kana = split(nameKana);
            return new Person(kanji[0], kanji[1], kana[0], kana[1]);
        }

        private static String[] split(String name) {
            String s = Objects.requireNonNullElse(name, "").strip();
            String[] parts = s.split("[\\s\\u3000]+", 2);
            return parts.length == 2 ? parts : new String[] {s, ""};
        }
    }
}
