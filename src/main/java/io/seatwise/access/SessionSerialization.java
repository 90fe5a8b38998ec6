package io.seatwise.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How console sessions' attributes are stored in the database: Java serialisation, as Spring Session does by
 * default, except that an attribute this release cannot read (written by another release during a rolling upgrade,
 * or by a class since changed) counts as absent instead of failing every request of that session: the person is
 * signed out and signs in again, rather than meeting an error page until the session expires.
 */
@Configuration(proxyBeanMethods = false)
class SessionSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionSerialization.class);

    /** Spring Session JDBC uses the bean of this name to turn attributes into bytes and back. */
    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, tolerant(new DeserializingConverter(
                SessionSerialization.class.getClassLoader())));
        return conversions;
    }

    static Converter<byte[], Object> tolerant(DeserializingConverter deserializer) {
        return bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException unreadable) {
                log.info("a stored session attribute could not be read and is ignored: {}", unreadable.toString());
                return null;
            }
        };
    }
}
