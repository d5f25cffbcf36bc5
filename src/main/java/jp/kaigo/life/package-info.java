/**
 * LIFE (科学的介護情報システム) assessments from the offices, typed per form (records-formats.md §2):
 * 科学的介護推進情報 (FORM_0000_2021) and ADL維持等 (FORM_0900_2021) so far. Written through
 * {@link jp.kaigo.life.LifeAssessments}; read only through the {@code access} module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest"})
package jp.kaigo.life;
