package jp.kaigo.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** サービス種類コード (2 characters) from {@code codes/service-types.csv}. */
public record ServiceType(String code, String name, String group, String status) {
    public static final String LABEL = "サービス種類コード";
    private static final Map<String, ServiceType> BY_CODE = load();

    public static ServiceType of(String code) {
        return find(code).orElseThrow(() -> new InvalidValue("serviceType", LABEL, "存在しないコードです"));
    }

    public static Optional<ServiceType> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    public static Collection<ServiceType> all() {
        return BY_CODE.values();
    }

    public boolean isCurrent() {
        return !"abolished".equals(status);
    }

    private static Map<String, ServiceType> load() {
        Map<String, ServiceType> types = new TreeMap<>();
        for (String[] row : CodeTables.read("service-types.csv")) {
            types.put(row[0], new ServiceType(row[0], row[1], row[2], row[3]));
        }
        return Map.copyOf(types);
    }
}
