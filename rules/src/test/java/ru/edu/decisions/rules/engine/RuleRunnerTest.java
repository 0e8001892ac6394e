package ru.edu.decisions.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.KieBaseMutabilityOption;
import ru.edu.decisions.model.FiredRule;

/**
 * What a run leaves: an immutable rule base (Drools drops from working memory at once a fact no pattern can match)
 * gives the same objects as a mutable one — the facts no rule reads are there, the facts truth maintenance took back
 * are not — and the same trace.
 */
class RuleRunnerTest {

    private static final String RULES = """
            package runner;

            rule "Вывод, который не читает ни одно правило"
                @clause("test:1")
            when
                String( this == "начать" )
            then
                insertLogical( Long.valueOf( 7 ) );
            end

            rule "Вывод, который потом снимается"
                @clause("test:2")
            when
                String( this == "начать" )
                not Integer( this == 2 )
            then
                insertLogical( Double.valueOf( 1.5 ) );
            end

            rule "Снимает предыдущий вывод"
                @clause("test:3")
                salience -1
            when
                Double( )
            then
                insert( Integer.valueOf( 2 ) );
            end
            """;

    @Test
    void anImmutableBaseLeavesWhatAMutableOneLeaves() {
        RuleRunner.Run immutable = new RuleRunner(compile(KieBaseMutabilityOption.DISABLED)).run(List.of("начать", 1));
        RuleRunner.Run mutable = new RuleRunner(compile(KieBaseMutabilityOption.ALLOWED)).run(List.of("начать", 1));

        assertThat(List.<Object>copyOf(immutable.objects())).containsExactlyInAnyOrder("начать", 1, 7L, 2);
        assertThat(List.<Object>copyOf(immutable.objects())).containsExactlyInAnyOrderElementsOf(List.<Object>copyOf(mutable.objects()));
        assertThat(immutable.all(Long.class)).containsExactly(7L);
        assertThat(immutable.all(Double.class)).isEmpty();
        assertThat(immutable.trace()).isEqualTo(mutable.trace());
        assertThat(immutable.trace()).extracting(FiredRule::clause).containsExactlyInAnyOrder("test:1", "test:2", "test:3");
    }

    @Test
    void anImmutableBaseGivesEachRunItsOwnObjects() {
        RuleRunner runner = new RuleRunner(compile(KieBaseMutabilityOption.DISABLED));

        runner.run(List.of("начать", 1));
        RuleRunner.Run second = runner.run(List.of("не начинать"));

        assertThat(List.<Object>copyOf(second.objects())).containsExactly("не начинать");
        assertThat(second.trace()).isEmpty();
    }

    private static KieBase compile(KieBaseMutabilityOption mutability) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId release = services.newReleaseId("ru.edu.decisions.test", "runner-" + mutability.name().toLowerCase(), "1.0.0");
        files.generateAndWritePomXML(release);
        KieModuleModel model = services.newKieModuleModel();
        model.newKieBaseModel("runner").addPackage("runner").setMutability(mutability);
        files.writeKModuleXML(model.toXML());
        files.write("src/main/resources/runner/rules.drl", RULES);
        KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        try {
            return services.newKieContainer(release).getKieBase("runner");
        } finally {
            services.getRepository().removeKieModule(release);
        }
    }
}
