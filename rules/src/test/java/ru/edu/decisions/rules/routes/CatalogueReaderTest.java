package ru.edu.decisions.rules.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.edu.decisions.model.routes.ActivityFormat;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/** A policy officer's catalogue row is read as they wrote it, and a wrong row is reported with its row number. */
class CatalogueReaderTest {

    static final String HEADER = "Код;Название;Вид;Области;Предметы;Часы;Формат;Организатор;Подтверждение;Федеральный реестр;Недель\n";
    static final String GOOD = "K-1;Школа современного учителя. Математика;курс ДПО;SUBJECT / методические;Математика / Алгебра;100;"
            + "дистанционно;Академия Минпросвещения России;удостоверение о повышении квалификации;да;10\n";

    final List<CompileProblem> problems = new ArrayList<>();

    List<Activity> read(String text) {
        return CatalogueReader.read(new RuleFile("ust-ishim/catalogue.csv", text.getBytes(StandardCharsets.UTF_8)), problems);
    }

    @Test
    void aRowIsReadWithRussianLabelsOrCodes() {
        List<Activity> activities = read(HEADER + GOOD);

        assertThat(problems).isEmpty();
        assertThat(activities).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("K-1");
            assertThat(a.type()).isEqualTo(ActivityType.COURSE);
            assertThat(a.areas()).containsExactlyInAnyOrder(CompetenceArea.SUBJECT, CompetenceArea.METHODICAL);
            assertThat(a.subjects()).containsExactlyInAnyOrder("математика", "алгебра");
            assertThat(a.hours()).isEqualTo(100);
            assertThat(a.format()).isEqualTo(ActivityFormat.DISTANCE);
            assertThat(a.federalRegistry()).isTrue();
            assertThat(a.weeks()).isEqualTo(10);
            assertThat(a.line()).isEqualTo(2);
        });
    }

    @Test
    void aWrongCellIsReportedWithItsRowNumberAndColumn() {
        read(HEADER + GOOD + "K-2;Семинар;семинарчик;METHODICAL;;6;очно;ИМЦ;сертификат;нет;1\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("ust-ishim/catalogue.csv");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("Строка 3, столбец «Вид»: «семинарчик» — нет такого значения");
        });
    }

    @Test
    void anActivityLongerThanASchoolYearIsReported() {
        List<Activity> activities = read(HEADER + GOOD + "K-2;Наставничество;наставничество;METHODICAL;;36;очно;ММА;отчёт;нет;40\n");

        assertThat(activities).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("Строка 3, столбец «Недель»: мероприятие должно помещаться в учебный год (с 1 сентября по 31 мая — "
                        + "39 недель), а указано «40»"));
        problems.clear();
        assertThat(read(HEADER + GOOD + "K-2;Наставничество;наставничество;METHODICAL;;36;очно;ММА;отчёт;нет;39\n")).hasSize(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProblemOfARowIsReportedAndTheCatalogueIsRejected() {
        List<Activity> activities = read(HEADER + GOOD + "K-3;;вебинар;ЛИТЕРАТУРА;;два;онлайн;ИМЦ;;может быть;0\n");

        assertThat(activities).isEmpty();
        assertThat(problems).extracting(CompileProblem::message).containsExactly(
                "Строка 3, столбец «Название»: значение обязательно",
                "Строка 3, столбец «Области»: «ЛИТЕРАТУРА» — нет такой области компетенций; допустимо: SUBJECT, METHODICAL, "
                        + "PSYCHO_PEDAGOGICAL, COMMUNICATIVE, REGULATORY, DIGITAL, FUNCTIONAL_LITERACY, UPDATED_FGOS, UPBRINGING, "
                        + "INCLUSIVE, ASSESSMENT, MANAGEMENT",
                "Строка 3, столбец «Часы»: нужно целое число от 1 до 2000, а указано «два»",
                "Строка 3, столбец «Формат»: «онлайн» — нет такого значения; допустимо: очно, дистанционно, смешанно",
                "Строка 3, столбец «Подтверждение»: значение обязательно",
                "Строка 3, столбец «Федеральный реестр»: нужно «да» или «нет», а указано «может быть»",
                "Строка 3, столбец «Недель»: нужно целое число от 1 до 2000, а указано «0»");
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isEqualTo(3));
    }

    @Test
    void aDuplicateCodeNamesTheRowThatHasItFirst() {
        read(HEADER + GOOD + GOOD);

        assertThat(problems).singleElement().extracting(CompileProblem::message)
                .isEqualTo("Строка 3, столбец «Код»: код «K-1» уже есть в строке 2");
    }

    @Test
    void aMissingColumnIsReported() {
        read(HEADER + "K-4;Вебинар;вебинар;DIGITAL;;2;дистанционно;ИМЦ;сертификат;нет\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).isEqualTo("Строка 2: ожидается 11 столбцов через «;», а в строке 10");
        });
    }

    @Test
    void onlyCoursesCanBeInTheFederalRegistry() {
        read(HEADER + "K-5;Вебинар;вебинар;DIGITAL;;2;дистанционно;ИМЦ;сертификат;да;1\n");

        assertThat(problems).singleElement().extracting(CompileProblem::message)
                .isEqualTo("Строка 2, столбец «Федеральный реестр»: в федеральный реестр входят только курсы ДПО, а вид мероприятия — «вебинар»");
    }

    @Test
    void aWrongHeaderIsReportedOnItsLine() {
        read("Код;Название\n" + GOOD);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("Заголовок каталога должен быть «Код;Название;Вид;");
        });
    }

    @Test
    void blankLinesAndCommentsAreSkippedAndAnEmptyCatalogueIsAProblem() {
        assertThat(read(HEADER + "\n# раздел: курсы\n" + GOOD)).hasSize(1);
        assertThat(problems).isEmpty();
        read(HEADER);
        assertThat(problems).singleElement().extracting(CompileProblem::message).isEqualTo("В каталоге нет ни одного мероприятия");
    }
}
