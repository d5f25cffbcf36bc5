/**
 * Writing a person's care records as use cases (national-design.md A2: care plans by the care manager of the
 * office in charge; LIFE and 第6表 実績 by the offices in charge): who may write is asked of {@code access}, which
 * audits it with the staff account; the record modules store. The API calls this facade and nothing else.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "access", "careplan",
        "life"})
package jp.kaigo.casework;
