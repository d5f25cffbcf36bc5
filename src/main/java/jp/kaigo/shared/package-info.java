/**
 * Shared kernel: self-validating domain primitives (保険者番号, 被保険者番号, 事業所番号, 医療機関コード)
 * and the national code tables (要介護状態区分 with 区分支給限度基準額, サービス種類コード), loaded from
 * data files under {@code codes/}. Sources: shared/domain/formats-and-codes.md §1–§3.
 * Error messages name the field and the rule and never repeat the offending value.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.kaigo.shared;
