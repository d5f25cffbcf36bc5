/**
 * Deterministic, seeded synthetic data: municipalities with valid 保険者番号 and insured persons with a
 * realistic age and sex mix and national-like shares of care levels, 負担割合 and 負担限度額認定,
 * written as municipality interface files. The demo run, the tests and the benchmark all use it; the
 * demo loads it through the real ingest path on the first start.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "ingest", "registry", "identity", "consent", "access", "certification",
        "eligibility", "filing", "relationship"})
package jp.kaigo.demo;
