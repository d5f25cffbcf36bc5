package jp.kaigo.shared;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the care-plan module gives {@code access} (and only access) for the exchange of plans (docs/design/
 * care-documents.md §7): an office's own plans for a person, what was delivered to an office, and a delivery written as
 * the standard's files. Access decides before it asks.
 */
public interface PlanExchangeSource {
    List<OwnCarePlan> ownPlans(String officeNo, InsuredPerson person);

    /** The office's 第6表 months for the person, newest first, with the 生活援助中心型 visits counted. */
    List<OwnPlanMonth> ownMonths(String officeNo, InsuredPerson person);

    List<CarePlanDelivery> deliveriesTo(String officeNo, int limit);

    Optional<CarePlanDelivery> delivery(UUID deliveryId, String officeNo);

    /** The files of the delivery ({@code senderName}: 介護支援事業者名 for UP1KYO); the first download is kept. */
    StandardPlanFiles download(CarePlanDelivery delivery, String senderName);
}
