package org.planwatch.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep a service's features apart: each service's {@code FeatureBoundariesTest} extends this, naming
 * its base package and shared kernels, and runs them against its main classes. A service is packaged by feature
 * ({@code org.planwatch.plan.action}, {@code .actionplan}, ...):
 * <ul>
 * <li>features depend on each other in one direction only: no cycle between top-level packages;</li>
 * <li>a feature's sub-packages ({@code store}, {@code web}, {@code messaging}, ...) are its own: other features
 * use what its top-level package offers (its service, its domain types), except for the shared kernels named;</li>
 * <li>the domain is plain Java: the records and enums of a feature's top-level package import no framework
 * (the top-level {@code api} and {@code config} packages are adapters and wiring, not features).</li>
 * </ul>
 */
public abstract class FeatureBoundaries {

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.bson..", "com.mongodb..",
            "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.."};
    /** Top-level packages that are adapters or wiring, not features with a domain. */
    private static final Set<String> EDGES = Set.of("api", "config");

    private final String basePackage;
    private final Set<String> sharedKernels;
    private final JavaClasses classes;

    /** The features under {@code basePackage}; {@code sharedKernels} may be used whole by every feature. */
    protected FeatureBoundaries(String basePackage, String... sharedKernels) {
        this.basePackage = basePackage;
        this.sharedKernels = Set.of(sharedKernels);
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    @Test
    public void featuresDependOnEachOtherInOneDirectionOnly() {
        featuresDependOnEachOtherInOneDirection().check(classes);
    }

    @Test
    public void noFeatureReachesIntoAnotherFeaturesStoreWebOrMessaging() {
        featuresKeepTheirSubPackagesToThemselves().check(classes);
    }

    @Test
    public void theDomainIsPlainJava() {
        domainIsPlainJava().check(classes);
    }

    ArchRule featuresDependOnEachOtherInOneDirection() {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    ArchRule featuresKeepTheirSubPackagesToThemselves() {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<JavaClass>("use no other feature's sub-packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            String targetFeature = feature(target.getPackageName());
                            if (targetFeature == null || sharedKernels.contains(targetFeature)
                                    || targetFeature.equals(feature(origin.getPackageName()))) {
                                continue;
                            }
                            if (!target.getPackageName().equals(basePackage + "." + targetFeature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + ": " + target.getPackageName() + " belongs to feature " + targetFeature));
                            }
                        }
                    }
                });
    }

    ArchRule domainIsPlainJava() {
        DescribedPredicate<JavaClass> domainType = new DescribedPredicate<>("records and enums of a feature") {
            @Override
            public boolean test(JavaClass type) {
                String feature = feature(type.getPackageName());
                return feature != null && !EDGES.contains(feature) && type.getPackageName().equals(basePackage + "." + feature)
                        && (type.isRecord() || type.isEnum()
                        || type.getEnclosingClass().map(JavaClass::isRecord).orElse(false));
            }
        };
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that(domainType)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
    }

    /** The feature a package belongs to: the first name under the base package, or null outside it. */
    private String feature(String packageName) {
        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
