package io.auditrail.server.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured plans and which one a new organisation gets. */
public final class Plans {

    private final Map<String, Plan> byName;
    private final Plan defaultPlan;

    /**
     * Checks that the default plan is one of the plans.
     *
     * @param plans the plans
     * @param defaultPlan name of the plan for organisations created without one
     */
    public Plans(Iterable<Plan> plans, String defaultPlan) {
        this.byName = new LinkedHashMap<>();
        plans.forEach(plan -> byName.put(plan.name(), plan));
        this.defaultPlan = byName.get(defaultPlan);
        if (this.defaultPlan == null) {
            throw new IllegalArgumentException("auditrail.server.default-plan '" + defaultPlan
                    + "' is not one of the configured plans " + byName.keySet());
        }
    }

    /**
     * Finds a plan.
     *
     * @param name plan name
     * @return the plan, or empty when no plan has that name
     */
    public Optional<Plan> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The plan stored for an organisation; an unknown name (a plan removed from the configuration) gets the default.
     *
     * @param name stored plan name
     * @return the plan
     */
    public Plan resolve(String name) {
        return byName.getOrDefault(name, defaultPlan);
    }

    /**
     * The plan for organisations created without one.
     *
     * @return the default plan
     */
    public Plan defaultPlan() {
        return defaultPlan;
    }

    /**
     * Every plan's name, for error messages.
     *
     * @return the names
     */
    public Set<String> names() {
        return byName.keySet();
    }
}
