package org.planwatch.measure.planaction.messaging;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.planwatch.measure.planaction.PlanAction;
import org.planwatch.measure.planaction.PlanActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows {@code plan.action.events} (binding {@code planActionEvents-in-0}), reading only what the contract promises
 * (plan-service's {@code plan-action-event.v1.schema.json}): the action id and version, its plan and partnership, the
 * {@code measureId}s of its measures, and whether it was deleted. An event this service cannot read is skipped with a
 * warning: the copy is only for finding a plan's measures, and plan-service's own consumers dead-letter such events.
 */
@Configuration(proxyBeanMethods = false)
class PlanActionEventsBinding {

    private static final Logger log = LoggerFactory.getLogger(PlanActionEventsBinding.class);
    private static final String DELETED = "org.planwatch.plan.action.deleted.v1";

    @Bean
    Consumer<Message<byte[]>> planActionEvents(PlanActions actions, JsonMapper json) {
        return message -> {
            PlanAction action;
            try {
                action = read(json.readTree(message.getPayload()));
            } catch (JacksonException | IllegalArgumentException unreadable) {
                log.warn("Skipped a plan action event that is not one: {}", unreadable.getMessage());
                return;
            }
            actions.heard(action);
        };
    }

    static PlanAction read(JsonNode event) {
        JsonNode data = event.path("data");
        String actionId = text(data.path("actionId"));
        String planId = text(data.path("plan").path("id"));
        if (actionId == null || planId == null || !data.path("actionVersion").isNumber()) {
            throw new IllegalArgumentException("an action event names its action, version and plan");
        }
        Set<String> measureIds = new LinkedHashSet<>();
        for (JsonNode measure : data.path("action").path("measures")) {
            String key = text(measure.path("measureId"));
            if (key != null) {
                measureIds.add(key);
            }
        }
        return new PlanAction(actionId, planId, text(data.path("plan").path("partnership")), measureIds,
                data.path("actionVersion").asLong(), DELETED.equals(text(event.path("type"))));
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
