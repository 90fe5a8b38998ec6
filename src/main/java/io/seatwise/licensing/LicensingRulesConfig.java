package io.seatwise.licensing;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.licensing.rules.UserChangeEvaluator;

import io.seatwise.licensing.engine.UserEvaluation;
import io.seatwise.licensing.persistence.ViolationCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the licensing rules to the engine and the stored form of violations to persistence: the engine and the
 * persistence packages see the rules only through these two interfaces.
 */
@Configuration(proxyBeanMethods = false)
class LicensingRulesConfig {

    @Bean
    UserEvaluation userEvaluation() {
        return UserChangeEvaluator::evaluate;
    }

    @Bean
    ViolationCodec violationCodec() {
        return new ViolationCodec() {
            @Override
            public String encode(List<LicenseFailure> violations) {
                return ViolationText.encode(violations);
            }

            @Override
            public List<LicenseFailure> decode(String text) {
                return ViolationText.decode(text);
            }
        };
    }
}
