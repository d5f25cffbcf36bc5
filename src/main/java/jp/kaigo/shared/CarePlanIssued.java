package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A care plan was issued (交付, published by {@code careplan}): the person is told, and it went to the offices
 * (事業所番号) its 第2表 or 第6表 names.
 */
public record CarePlanIssued(InsuredPerson person, UUID planId, String officeNo, LocalDate planDate,
        List<String> recipients) {
}
