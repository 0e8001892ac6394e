package ru.edu.decisions.service.candidates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.dsl.Texts;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.security.PersonalDataAccessLog;
import ru.edu.decisions.service.security.PersonalDataAccessLog.Action;
import ru.edu.decisions.service.security.PersonalDataAccessLog.RecordKind;

/**
 * The candidates of a jurisdiction as the official form's table (Приложение к Положению о ММА), for IMC staff of
 * that jurisdiction: CSV with personal data; every exported record is written to the access log.
 */
@Service
public class CandidateExport {

    private static final String HEADER = "№ п/п;Ф.И.О.;Дата рождения;Образование;Повышение квалификации / переподготовка;"
            + "Основное место работы;Опыт методической работы;Контактные данные;Профессиональные достижения;"
            + "Основание для включения;Решение;Версия правил\r\n";

    private final JdbcClient sql;
    private final JsonCodec json;
    private final PersonalDataAccessLog accessLog;

    public CandidateExport(JdbcClient sql, JsonCodec json, PersonalDataAccessLog accessLog) {
        this.sql = sql;
        this.json = json;
        this.accessLog = accessLog;
    }

    private record Row(UUID id, String profile, String verdict, String version) {
    }

    @Transactional
    public void write(String jurisdiction, Writer out) {
        List<Row> rows = sql.sql("""
                        SELECT c.id, t.profile, c.latest_verdict, c.latest_rule_set_version
                        FROM candidate c JOIN teacher t ON t.id = c.teacher_id
                        WHERE c.jurisdiction = ? ORDER BY c.submitted_at, c.id""")
                .param(jurisdiction)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        accessLog.record(Action.EXPORT, rows.stream()
                .map(r -> new PersonalDataAccessLog.Subject(RecordKind.CANDIDATE, r.id(), jurisdiction)).toList());
        try {
            out.write('\uFEFF');
            out.write(HEADER);
            int number = 1;
            for (Row row : rows) {
                TeacherProfile p = json.read(row.profile(), TeacherProfile.class);
                var e = p.employment();
                out.write(String.join(";", List.of(
                        String.valueOf(number++),
                        cell(p.fullName()),
                        cell(p.birthDate() == null ? null : p.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))),
                        cell(p.education() == null ? null : p.education().stream().map(Texts::education).collect(Collectors.joining("; "))),
                        cell(p.trainingList().stream().map(Texts::training).collect(Collectors.joining("; "))),
                        cell(e == null ? null : String.join(", ", nonNull(e.organization(), Texts.label(e.position()),
                                e.qualificationCategory() == null ? null : "категория: " + e.qualificationCategory().label(),
                                e.pedagogicalExperienceYears() == null ? null : "стаж " + Texts.years(e.pedagogicalExperienceYears()),
                                String.join(", ", e.subjectList())))),
                        cell(p.methodicalExperience() == null ? null : String.join("; ", p.methodicalExperience())),
                        cell(p.contacts() == null ? null : String.join(", ", nonNull(p.contacts().phone(), p.contacts().email()))),
                        cell(p.achievementList().stream().map(Texts::achievement).collect(Collectors.joining("; "))),
                        cell(p.nomination() == null ? null : p.nomination().basis()),
                        cell(row.verdict()),
                        cell(row.version()))));
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.replace("\"", "\"\"");
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return "\"" + safe + "\"";
    }
}
