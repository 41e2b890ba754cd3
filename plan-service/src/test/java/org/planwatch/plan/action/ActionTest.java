package org.planwatch.plan.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planwatch.plan.problem.InvalidFieldException;

class ActionTest {

    private final Action action = new Action("a1", "p1", null, null, "1.1a", "Record carers on mosaic",
            List.of("lead-1"), DueDate.parse("Jun 22"), null, List.of(MeasureRef.text("Carer satisfaction")), null, Rag.GREEN, List.of());

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
        assertThatThrownBy(() -> action.edit(ActionEdit.leads(List.of())))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("leadIds");
        assertThatThrownBy(() -> action.edit(new ActionEdit(null, null, null, " ", null, null, false, null, false,
                null, null, null, null))).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("text");
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
