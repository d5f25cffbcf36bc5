/**
 * The web UI for people (server-rendered, Japanese first): the office WEB service (介護保険資格確認等WEBサービス),
 * the insured person's own view and the municipality console. Owns no domain: every page composes the
 * other modules' facades, and every care record it shows passed an {@code access} decision.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "registry", "identity",
        "audit", "relationship", "consent", "access", "eligibility", "person", "municipality", "notification", "exchange", "filing", "analytics", "casework", "careplan"})
package jp.kaigo.portal;
