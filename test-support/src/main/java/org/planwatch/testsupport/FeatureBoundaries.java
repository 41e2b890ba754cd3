package org.planwatch.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The rules that keep a service's features apart; each service's {@code FeatureBoundariesTest} extends this with its
 * application class. A service is packaged by feature ({@code org.planwatch.plan.action}, {@code .actionplan}, ...),
 * and Spring Modulith takes each top-level package as a module:
 * <ul>
 * <li>features depend on each other in one direction only, with no cycle;</li>
 * <li>a feature's sub-packages ({@code store}, {@code web}, {@code messaging}, ...) are its own: other features
 * use what its top-level package offers (its service, its domain types, its ports and events);</li>
 * <li>the domain is plain Java: the records and enums of a feature's top-level package import no framework (the
 * top-level {@code api} and {@code config} packages are adapters and wiring, not features).</li>
 * </ul>
 */
public abstract class FeatureBoundaries {

    private static final String[] FRAMEWORKS = {"org.springframework..", "org.bson..", "com.mongodb..",
            "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.."};

    private final Class<?> application;

    protected FeatureBoundaries(Class<?> application) {
        this.application = application;
    }

    @Test
    public void featuresUseEachOtherOnlyThroughTheirTopLevelPackageAndNeverInACircle() {
        ApplicationModules.of(application).verify();
    }

    @Test
    public void theDomainIsPlainJava() {
        String base = application.getPackageName();
        DescribedPredicate<JavaClass> domainType = DescribedPredicate.describe("records and enums of a feature",
                type -> type.getPackageName().matches(Pattern.quote(base) + "\\.(?!api$|config$)[a-z]+")
                        && (type.isRecord() || type.isEnum()
                        || type.getEnclosingClass().map(JavaClass::isRecord).orElse(false)));
        noClasses().that(domainType).should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(base));
    }
}
