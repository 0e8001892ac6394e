package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.service.candidates.CandidateSearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidates are searched by ФИО and school without reading their profile documents: the candidate table gets the
 * normalised ФИО, the organisation of the main place of work and its normalised form, filled here from the stored
 * profiles (and by the service on every submission and amendment). Plain JDBC, so it runs on PostgreSQL and H2 alike.
 */
public class V8__candidate_search_columns extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE candidate ADD COLUMN full_name_search VARCHAR(300)");
            ddl.execute("ALTER TABLE candidate ADD COLUMN organization VARCHAR(500)");
            ddl.execute("ALTER TABLE candidate ADD COLUMN organization_search VARCHAR(500)");
            ddl.execute("CREATE INDEX candidate_jurisdiction_submitted ON candidate (jurisdiction, submitted_at, id)");
        }
        ObjectMapper json = JsonMapper.builder().build();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, profile FROM candidate");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE candidate SET full_name_search = ?, organization = ?, organization_search = ? WHERE id = ?")) {
            int pending = 0;
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                JsonNode profile = json.readTree(rows.getString(2));
                String fullName = text(profile.get("fullName"));
                JsonNode employment = profile.get("employment");
                String organization = employment == null ? null : text(employment.get("organization"));
                if (organization != null && organization.length() > 500) {
                    organization = organization.substring(0, 500);
                }
                update.setString(1, cut(CandidateSearch.normalize(fullName), 300));
                update.setString(2, organization);
                update.setString(3, cut(CandidateSearch.normalize(organization), 500));
                update.setObject(4, id);
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
