package org.planwatch.gateway.console.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planwatch.gateway.console.FieldProblem;
import org.planwatch.gateway.console.PlanServiceJson.Action;
import org.planwatch.gateway.console.PlanServiceJson.Due;

class ActionUpdateTest {

    private static Action action(long version, String status, String rag, String due) {
        return new Action("a1", version, "p1", "t1", "o1", "1.1.1", "Publish the directory", List.of(),
                new Due(null, "MONTH", due), null, List.of(), status, rag, false);
    }

    private static ActionUpdate edit(Action seen, String status, String rag, String due, String reason) {
        return new ActionUpdate(seen.version(), status, rag, due, reason, seen.status(), seen.rag(),
                seen.dueAsWritten());
    }

    @Test
    void onlyWhatThePersonChangedIsSent() {
        Action seen = action(3, "Commenced", "GREEN", "Jun 23");

        assertThat(edit(seen, "Printed", "GREEN", "Jun 23", null).patch()).isEqualTo(Map.of("status", "Printed"));
        assertThat(edit(seen, "Commenced", "GREEN", "Jun 23", "no reason needed").patch()).isEmpty();
    }

    @Test
    void aFormPostedWithoutWhatThePageShowedIsCheckedNotFailedOn() {
        ActionUpdate handMade = new ActionUpdate(1L, null, "RED", null, null, null, null, null);

        assertThat(handMade.problems()).isEmpty();
        assertThat(handMade.isDowngrade()).isFalse();
        assertThat(handMade.patch()).isEqualTo(Map.of("rag", "RED"));
    }

    @Test
    void loweringTheRagOrMovingTheDateNeedsAReasonButRaisingItDoesNot() {
        Action amber = action(3, null, "AMBER", "Jun 23");

        assertThat(edit(amber, null, "RED", "Jun 23", " ").problems()).extracting(FieldProblem::message)
                .containsExactly("Enter why the RAG rating is going down");
        assertThat(edit(amber, null, "AMBER", "Sep 23", null).problems()).extracting(FieldProblem::field)
                .containsExactly("reason");
        assertThat(edit(amber, null, "GREEN", "Jun 23", null).problems()).isEmpty();
        assertThat(edit(amber, null, "COMPLETE", "Jun 23", null).problems()).isEmpty();
        assertThat(edit(amber, null, "PURPLE", "Jun 23", null).problems()).extracting(FieldProblem::field)
                .containsExactly("rag");
    }

    @Test
    void savingAgainAfterSomeoneElsesChangeKeepsTheirChangeAndMine() {
        Action seen = action(1, null, "GREEN", "Oct 30");
        ActionUpdate mine = edit(seen, "Draft with the printer", "GREEN", "Oct 30", null);
        Action meanwhile = action(2, null, "GREEN", "Nov 30");

        ActionUpdate again = mine.rebasedOn(meanwhile);

        assertThat(ActionUpdate.changedMeanwhile(mine, meanwhile))
                .containsExactly(new ActionUpdate.ChangedMeanwhile("Due date", "Oct 30", "Nov 30"));
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.due()).isEqualTo("Nov 30");
        assertThat(again.problems()).isEmpty();
        assertThat(again.patch()).isEqualTo(Map.of("status", "Draft with the printer"));
    }
}
