package ru.edu.decisions.service.eligibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.JacksonComponent;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DecisionsProperties;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * {@code POST /api/v1/eligibility/batch}. Candidates are read one by one, so one malformed candidate gets an error
 * of its own and does not fail the batch.
 */
record EligibilityBatchRequest(
        @NotBlank @Size(max = 64) String jurisdiction,
        @Nullable LocalDate asOf,
        @NotNull Candidates candidates) {

    /** The candidates as JSON trees, each read into a profile on its own (see {@link Reader}). */
    record Candidates(List<JsonNode> items) {

        int size() {
            return items.size();
        }
    }

    /**
     * Reads the {@code candidates} array element by element and stops at the first element over
     * {@code decisions.max-batch-size}: the rest of the body is never read, so a body of millions of tiny candidates
     * costs no more memory than an allowed batch. The refusal is a 400 naming the limit.
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
            List<JsonNode> items = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return (Candidates) context.handleUnexpectedToken(List.class, parser);
                }
                if (items.size() == maxBatchSize) {
                    throw tooMany(maxBatchSize);
                }
                items.add(context.readTree(parser));
            }
            return new Candidates(items);
        }
    }

    static ApiException tooMany(int maxBatchSize) {
        String message = "Не больше " + maxBatchSize + " кандидатов в одном пакете";
        return ApiException.invalid("Кандидатов в пакете больше допустимых " + maxBatchSize
                + "; разделите пакет на части", List.of(new ApiException.FieldError("candidates", message)));
    }
}
