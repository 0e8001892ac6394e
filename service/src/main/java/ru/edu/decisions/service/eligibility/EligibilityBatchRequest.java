package ru.edu.decisions.service.eligibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.JacksonComponent;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DecisionsProperties;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * {@code POST /api/v1/eligibility/batch}. Candidates are read one by one, so one malformed candidate gets an error
 * of its own and does not fail the batch.
 */
record EligibilityBatchRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull Candidates candidates) {

    /**
     * How many candidates the request holds. The candidates themselves are only checked here (well-formed JSON, no
     * repeated key) and skipped: they are read one by one from the body again while the answer is written, so a
     * batch never holds all its parsed candidates at once (see {@link EligibilityController#batch}).
     */
    record Candidates(int size) {
    }

    /**
     * Counts the {@code candidates} array element by element and stops at the first element over
     * {@code decisions.max-batch-size}: the rest of the body is never read. The refusal is a 400 naming the limit.
     */
    @JacksonComponent
    static final class Reader extends ValueDeserializer<Candidates> {

        private final int maxBatchSize;

        Reader(DecisionsProperties properties) {
            this.maxBatchSize = properties.maxBatchSize();
        }

        @Override
        public Candidates deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.isExpectedStartArrayToken()) {
                return (Candidates) context.handleUnexpectedToken(List.class, parser);
            }
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return (Candidates) context.handleUnexpectedToken(List.class, parser);
                }
                if (count == maxBatchSize) {
                    throw tooMany(maxBatchSize);
                }
                parser.skipChildren();
                count++;
            }
            return new Candidates(count);
        }
    }

    static ApiException tooMany(int maxBatchSize) {
        String message = "Не больше " + maxBatchSize + " кандидатов в одном пакете";
        return ApiException.invalid("Кандидатов в пакете больше допустимых " + maxBatchSize
                + "; разделите пакет на части", List.of(new ApiException.FieldError("candidates", message)));
    }
}
