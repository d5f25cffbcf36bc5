package jp.kaigo.api;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A request field the layout takes as text (numbers like 被保険者番号 with their leading zeros, dates, codes)
 * must come as a JSON string: a JSON number or boolean there is refused with the field named instead of
 * being turned into text ({@code 19380203} as a birth date would otherwise be read as 1938-02-03, and
 * {@code 0000100000} as a number would lose its zeros). A field the request does not have (a typo such as
 * {@code birthdate}) is refused with its name, not silently dropped. A body nested deeper, or with a longer string,
 * than {@link BodyLimits} allows is refused by the parser itself (Jackson's stream read constraints) before any of
 * it is bound.
 */
@Configuration(proxyBeanMethods = false)
class JsonRules {

    /**
     * Boot's builder of the API's JSON mapper (the same customizers, in their order) on a parser factory with the
     * platform's limits: Boot offers no property for them, and a customizer cannot change the factory.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, BodyLimits limits) {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonDepth())
                .maxStringLength(limits.jsonString())
                .maxNameLength(Math.min(limits.jsonString(), 1000))
                .maxNumberLength(100)
                .maxDocumentLength(limits.jsonBody().toBytes())
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(c -> c.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
