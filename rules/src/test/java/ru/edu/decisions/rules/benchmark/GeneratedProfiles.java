package ru.edu.decisions.rules.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;

/** Seeded random candidate profiles with the variety of real nominations, including gaps (absent data). */
final class GeneratedProfiles {

    private GeneratedProfiles() {
    }

    static List<TeacherProfile> generate(long seed, int count) {
        Random r = new Random(seed);
        List<TeacherProfile> profiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Education> education = r.nextInt(20) == 0 ? null : new ArrayList<>();
            if (education != null) {
                for (int e = 0; e < 1 + r.nextInt(2); e++) {
                    education.add(new Education(pick(r, EducationLevel.values()), r.nextInt(15) == 0 ? null : r.nextInt(5) != 0,
                            1985 + r.nextInt(35), "Специальность", "Вуз"));
                }
            }
            List<Training> trainings = new ArrayList<>();
            for (int t = 0; t < r.nextInt(3); t++) {
                trainings.add(new Training("Курс", "Академия", 2018 + r.nextInt(9), 36, pick(r, TrainingKind.values()), r.nextBoolean()));
            }
            Employment employment = r.nextInt(25) == 0 ? null : new Employment("Школа", r.nextInt(10) == 0 ? null : pick(r, OrganizationKind.values()),
                    pick(r, Position.values()), "учитель", true, pick(r, QualificationCategory.values()),
                    r.nextInt(12) == 0 ? null : r.nextInt(35), r.nextInt(6) == 0 ? null : r.nextInt(35), List.of("математика"));
            List<Membership> memberships = new ArrayList<>();
            for (int m = 0; m < r.nextInt(3); m++) {
                memberships.add(new Membership(pick(r, MembershipKind.values()), pick(r, MembershipRole.values()), pick(r, Level.values()), "Название"));
            }
            List<Achievement> achievements = new ArrayList<>();
            for (int a = 0; a < r.nextInt(3); a++) {
                achievements.add(new Achievement("Конкурс", pick(r, Level.values()), pick(r, AchievementResult.values()), 2018 + r.nextInt(8)));
            }
            List<Assessment> assessments = new ArrayList<>();
            for (int a = 0; a < r.nextInt(3); a++) {
                assessments.add(new Assessment(pick(r, AssessmentKind.values()), pick(r, AssessmentResult.values()), LocalDate.of(2024, 4, 10)));
            }
            profiles.add(new TeacherProfile(null, "Педагог " + i, null, education, trainings, employment, memberships, achievements,
                    assessments, r.nextInt(4) == 0 ? null : r.nextBoolean(), null, null, null));
        }
        return profiles;
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
