package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.planwatch.plan.action.AnAction.anAction;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.problem.InvalidFieldException;

class ActionTest {

    private final Action action = anAction().reference("1.1a").text("Record carers on mosaic").ledBy("lead-1")
            .due("Jun 22").measuring("Carer satisfaction").rated(Rag.GREEN).build();

    @Test
    void movingTheDueDateChangesOnlyTheDueDate() {
        ActionChange change = action.edit(ActionEdit.dueDate(DueDate.parse("Sep 22")));

        assertThat(change.changed()).containsExactly(ActionField.DUE_DATE);
        assertThat(change.before().due().date()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(change.after().due().date()).isEqualTo(LocalDate.of(2022, 9, 30));
    }

    @Test
    void settingTheSameValueChangesNothing() {
        assertThat(action.edit(ActionEdit.rag(Rag.GREEN)).changedAnything()).isFalse();
        assertThat(action.edit(ActionEdit.dueDate(DueDate.parse("2022-06"))).changedAnything()).isTrue();
    }

    @Test
    void aMoveFromGreenToRedIsADowngrade() {
        assertThat(action.edit(ActionEdit.rag(Rag.RED)).isRagDowngrade()).isTrue();
        assertThat(action.edit(ActionEdit.rag(Rag.COMPLETE)).isRagDowngrade()).isFalse();
    }

    @Test
    void anActionNeedsTextAndALead() {
        assertThatThrownBy(() -> action.edit(ActionEdit.builder().leadIds(List.of()).build()))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("leadIds");
        assertThatThrownBy(() -> action.edit(ActionEdit.builder().text(" ").build())).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("text");
    }

    @Test
    void anOversizedStatusIsRefusedNamingTheField() {
        assertThatThrownBy(() -> action.edit(ActionEdit.status("x".repeat(Action.MAX_TEXT + 1))))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("status");
    }

    @Test
    void anUnfinishedActionPastItsDateIsOverdueAndACompleteOneIsNot() {
        LocalDate july = LocalDate.of(2022, 7, 1);

        assertThat(action.isOverdueOn(july)).isTrue();
        assertThat(action.isOverdueOn(LocalDate.of(2022, 6, 30))).isFalse();
        assertThat(action.edit(ActionEdit.rag(Rag.COMPLETE)).after().isOverdueOn(july)).isFalse();
    }
}
