package io.seatwise.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies are read as written or refused: a key given twice is an error (otherwise the last one wins, and
 * {@code {"quantity":1,"quantity":2000}} bought 2,000 seats where a reviewer saw 1), and a string is no number
 * or boolean ({@code "quantity":"5"}), as a fraction is no whole number already
 * ({@code spring.jackson.deserialization.accept-float-as-int=false}). Both end as a 400 problem naming the field
 * ({@link ApiExceptionHandler}), before anything is changed.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> {
            builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(type, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
        };
    }
}
