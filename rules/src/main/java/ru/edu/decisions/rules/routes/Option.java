package ru.edu.decisions.rules.routes;

/**
 * A catalogue activity that meets a need by type, area, registry and subject; {@code formatFits} tells whether it
 * also meets the teacher's format preference (only such options are put into the route).
 */
public record Option(Need need, Activity activity, boolean formatFits) {

    /** Where the activity's kind stands among the kinds its need names (0: named first). */
    public int kindPosition() {
        return need.types().indexOf(activity.type());
    }
}
