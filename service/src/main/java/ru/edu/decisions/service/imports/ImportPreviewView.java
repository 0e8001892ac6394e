package ru.edu.decisions.service.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.forms.Dates;
import ru.edu.decisions.rules.forms.FormColumn;
import ru.edu.decisions.service.imports.CandidateImports.ReadForm;
import ru.edu.decisions.service.imports.CandidateImports.ReadRow;
import ru.edu.decisions.service.imports.ImportViews.CellProblem;
import ru.edu.decisions.service.imports.ImportViews.RowResult;

/** The preview of a read form for the page: per row, per official column, the cells' texts next to what was read. */
public record ImportPreviewView(List<Row> rows, long importable, long rejected, long duplicates, long dropped) {

    public record Cell(int column, String address, String title, String text) {
    }

    public record Column(String title, List<Cell> cells, List<String> read, List<String> problems) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    public record Row(int number, @Nullable String fullName, boolean dropped, @Nullable RowResult result, List<Column> columns,
               List<String> rowProblems) {
    }

    static ImportPreviewView of(ReadForm form, java.util.Set<Integer> dropped, ImportViews.ImportResult check) {
        Map<Integer, RowResult> results = new LinkedHashMap<>();
        check.rows().forEach(r -> results.put(r.row(), r));
        Map<Integer, String> titles = CandidateImports.columns(form);
        List<Row> rows = new ArrayList<>();
        for (ReadRow row : form.rows()) {
            Map<FormColumn, List<Cell>> byGroup = new LinkedHashMap<>();
            titles.forEach((c, title) -> {
                FormColumn group = CandidateImports.group(form, c);
                if (group != null && group != FormColumn.NUMBER) {
                    String address = FormTable.address(c, row.row());
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Cell(c, address, title,
                            row.cellTexts().getOrDefault(address, "")));
                }
            });
            List<Column> columns = new ArrayList<>();
            List<String> rowProblems = new ArrayList<>();
            for (CellProblem p : row.problems()) {
                boolean placed = byGroup.values().stream().flatMap(List::stream).anyMatch(c -> c.address().equals(p.cell()));
                if (!placed) {
                    rowProblems.add(p.message());
                }
            }
            byGroup.forEach((group, cells) -> {
                List<String> problems = row.problems().stream()
                        .filter(p -> cells.stream().anyMatch(c -> c.address().equals(p.cell())))
                        .map(p -> (cells.size() > 1 ? p.cell() + ": " : "") + p.message()).toList();
                columns.add(new Column(group.title(), cells, read(group, row.profile()), problems));
            });
            rows.add(new Row(row.row(), row.profile().fullName(), dropped.contains(row.row()), results.get(row.row()),
                    columns, rowProblems));
        }
        long importable = check.rows().stream().filter(r -> r.status() == ImportViews.RowStatus.IMPORTED).count();
        long rejected = check.rows().stream().filter(r -> r.status() == ImportViews.RowStatus.REJECTED).count();
        long duplicates = check.rows().stream().filter(r -> r.status() == ImportViews.RowStatus.DUPLICATE).count();
        return new ImportPreviewView(rows, importable, rejected, duplicates, dropped.size());
    }

    /** What was read for one official column, as short Russian lines («уровень: высшее; год: 2007; …»). */
    static List<String> read(FormColumn group, TeacherProfile p) {
        List<String> lines = new ArrayList<>();
        switch (group) {
            case FULL_NAME -> lines.add(or(p.fullName()));
            case BIRTH_DATE -> lines.add(p.birthDate() == null ? "не прочитано" : Dates.format(p.birthDate()));
            case EDUCATION -> {
                if (p.education() != null) {
                    p.education().forEach(e -> lines.add("уровень: " + label(e.level()) + "; педагогическое: " + yesNo(e.pedagogical())
                            + "; год: " + or(e.year()) + "; специальность: " + or(e.specialty()) + "; организация: " + or(e.institution())));
                }
            }
            case TRAININGS -> p.trainingList().forEach(t -> lines.add("вид: " + label(t.kind()) + "; программа: " + or(t.title())
                    + "; организация: " + or(t.provider()) + "; год: " + or(t.year()) + "; часов: " + or(t.hours())
                    + "; федеральный реестр: " + yesNo(t.federalRegistry())));
            case EMPLOYMENT -> {
                Employment e = p.employment();
                if (e != null) {
                    lines.add("организация: " + or(e.organization()) + " (" + label(e.organizationKind()) + ")");
                    lines.add("должность: " + label(e.position()) + (e.positionTitle() == null ? "" : " — " + e.positionTitle()));
                    lines.add("категория: " + label(e.qualificationCategory()));
                    lines.add("педагогический стаж: " + or(e.pedagogicalExperienceYears()) + "; по специальности: "
                            + or(e.specialtyExperienceYears()));
                    lines.add("предметы: " + (e.subjectList().isEmpty() ? "не указаны" : String.join(", ", e.subjectList())));
                }
            }
            case METHODICAL -> p.membershipList().forEach(m -> lines.add(label(m.kind()) + "; роль: " + label(m.role())
                    + "; уровень: " + label(m.level())));
            case CONTACTS -> {
                if (p.contacts() != null) {
                    lines.add("телефон: " + or(p.contacts().phone()) + "; e-mail: " + or(p.contacts().email()));
                }
            }
            case ACHIEVEMENTS -> p.achievementList().forEach(a -> lines.add("результат: " + label(a.result()) + "; уровень: "
                    + label(a.level()) + "; год: " + or(a.year())));
            case BASIS -> lines.add(p.nomination() == null ? "не указано" : or(p.nomination().basis()));
            default -> { }
        }
        if (lines.isEmpty()) {
            lines.add("нет сведений");
        }
        return lines;
    }

    private static String label(@Nullable Labelled value) {
        return value == null ? "неизвестно" : value.label();
    }

    private static String yesNo(@Nullable Boolean value) {
        return value == null ? "неизвестно" : value ? "да" : "нет";
    }

    private static String or(@Nullable Object value) {
        return value == null ? "неизвестно" : String.valueOf(value);
    }

    static String join(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
