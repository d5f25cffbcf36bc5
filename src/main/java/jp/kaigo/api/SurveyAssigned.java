package jp.kaigo.api;

/** The case's 認定調査 is assigned already and not yet answered by an accepted survey (409). */
class SurveyAssigned extends RuntimeException {
    SurveyAssigned(String message) {
        super(message);
    }
}
