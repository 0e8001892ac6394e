package ru.edu.decisions.service.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON as the contract reads it: unknown fields are ignored, but a value of the wrong type is an error, not a
 * guess — no "15" for a number, no 1 for an enum or a boolean, no 15.5 for a whole number, dates only as
 * {@code yyyy-MM-dd} and within {@link DateRange}; a key repeated in one object is an error too (the last one
 * silently winning let one request override its own {@code jurisdiction}).
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    DateRange dateRange(Environment environment) {
        return DateRange.from(environment);
    }

    @Bean
    JsonMapperBuilderCustomizer strictJson(DateRange dates) {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("date-range").setDeserializerModifier(new ValueDeserializerModifier() {
                    @Override
                    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                                   ValueDeserializer<?> deserializer) {
                        return description.getBeanClass() == LocalDate.class ? new DateInRange(deserializer, dates) : deserializer;
                    }

                    @Override
                    public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                       BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer, type.getRawClass());
                    }
                }))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
    }

    /**
     * An enum value only as the contract spells it: Jackson would otherwise take {@code " HIGHER"} for {@code HIGHER}
     * (it retries a name trimmed).
     */
    static final class ExactEnum extends DelegatingDeserializer {

        private final Class<?> type;

        ExactEnum(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new ExactEnum(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getString();
                if (!text.equals(text.strip())) {
                    throw InvalidFormatException.from(parser, "Enum value with spaces", text, type);
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** A date read as usual, then refused when outside {@link DateRange} (an {@link InvalidFormatException} with its path). */
    static final class DateInRange extends DelegatingDeserializer {

        private final DateRange dates;

        DateInRange(ValueDeserializer<?> delegate, DateRange dates) {
            super(delegate);
            this.dates = dates;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new DateInRange(newDelegatee, dates);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            if (value instanceof LocalDate date && !dates.contains(date) && context.getAttribute(DateRange.STORED) == null) {
                throw InvalidFormatException.from(parser, dates.message(date), date, LocalDate.class);
            }
            return value;
        }
    }
}
