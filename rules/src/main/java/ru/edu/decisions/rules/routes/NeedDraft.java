package ru.edu.decisions.rules.routes;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.ActivityType;

/**
 * A need being stated by one row of a jurisdiction's table of needs ({@code routes.drl.csv}): the columns of the row
 * fill it in, the priority column last, which makes the {@link Need}. The rule and clause are those of the row.
 */
public final class NeedDraft {

    private final Finding finding;
    private final String code;
    private final String rule;
    private final @Nullable String clause;
    private List<ActivityType> types = List.of();
    private boolean federalOnly;
    private String message;

    NeedDraft(Finding finding, String code, String rule, @Nullable String clause) {
        this.finding = finding;
        this.code = code;
        this.rule = rule;
        this.clause = clause;
        this.message = finding.message();
    }

    /** The kinds of activity that meet the need, the preferred first. */
    public NeedDraft types(ActivityType... types) {
        this.types = List.of(types);
        return this;
    }

    /** Only courses of the federal registry meet the need. */
    public NeedDraft federalOnly(boolean federalOnly) {
        this.federalOnly = federalOnly;
        return this;
    }

    /** As {@link #federalOnly(boolean)}, from the table's «да» / «нет» (empty: «нет»). */
    public NeedDraft federalOnly(String yesNo) {
        String value = yesNo.strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("да") && !value.equals("нет") && !value.isEmpty()) {
            throw new IllegalArgumentException("Правило «" + rule + "»: «Только из Федерального реестра» — «да» или «нет», а указано «"
                    + yesNo + "»");
        }
        return federalOnly(value.equals("да"));
    }

    /** What the need adds to the finding's text in the item's reason: «… — {@code addition}». */
    public NeedDraft reason(String addition) {
        this.message = finding.message() + " — " + addition;
        return this;
    }

    /** The need, with the priority that orders deferral under the hours cap (1 first). */
    public Need priority(int priority) {
        if (types.isEmpty()) {
            throw new IllegalStateException("Правило «" + rule + "»: не указаны виды мероприятий");
        }
        return new Need(code, finding.area(), types, federalOnly, priority, message, rule, clause);
    }
}
