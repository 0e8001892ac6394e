package ru.edu.decisions.rules.dsl;

import java.util.ArrayList;
import java.util.List;
import ru.edu.decisions.model.TeacherProfile;

/**
 * What the rules see of a teacher profile: the profile itself, its employment, and each entry of its lists
 * (education, trainings, memberships, achievements, assessments) as a fact of its own, so a rule matches
 * {@code Membership( kind == … )} directly.
 */
public final class ProfileFacts {

    private ProfileFacts() {
    }

    public static List<Object> of(TeacherProfile profile) {
        List<Object> facts = new ArrayList<>();
        facts.add(profile);
        if (profile.employment() != null) {
            facts.add(profile.employment());
        }
        if (profile.education() != null) {
            facts.addAll(profile.education());
        }
        facts.addAll(profile.trainingList());
        facts.addAll(profile.membershipList());
        facts.addAll(profile.achievementList());
        facts.addAll(profile.assessmentList());
        return facts;
    }
}
