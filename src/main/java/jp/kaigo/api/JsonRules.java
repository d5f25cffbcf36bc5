package jp.kaigo.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A request field the layout takes as text (numbers like 被保険者番号 with their leading zeros, dates, codes)
 * must come as a JSON string: a JSON number or boolean there is refused with the field named instead of
 * being turned into text ({@code 19380203} as a birth date would otherwise be read as 1938-02-03, and
 * {@code 0000100000} as a number would lose its zeros). A field the request does not have (a typo such as
 * {@code birthdate}) is refused with its name, not silently dropped.
 */
@Configuration(proxyBeanMethods = false)
class JsonRules {

    @Bean
    JsonMapperBuilderCustomizer strictRequests() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
