package org.planwatch.local.issuer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in to the local stack: people (a password, planwatch roles, their partnership) and programs (partner
 * systems and scripts using the client-credentials grant, with the roles and organisation their tokens carry).
 * What each token says about its holder comes from here, under the claim names the services read.
 */
@ConfigurationProperties("planwatch.issuer")
public record DemoDirectory(String url, String audience, String keyFile, String summaryFile, Gateway gateway,
                            List<Person> people, List<Program> programs) {

    /** A person; their username is their email address, as the lead directory knows them. */
    public record Person(String username, String password, String name, List<String> roles, String partnership) {
    }

    /** A program; one with an email acts as that person (the local stack's way to try a lead's rights with curl). */
    public record Program(String clientId, String secret, String description, List<String> roles, String partnership,
                          String organisation, String email) {
    }

    /** The gateway, signing browsers in with the authorization code grant. */
    public record Gateway(String clientId, String secret, String url) {
    }

    public DemoDirectory {
        people = people == null ? List.of() : List.copyOf(people);
        programs = programs == null ? List.of() : List.copyOf(programs);
    }

    Optional<Person> person(String username) {
        return people.stream().filter(person -> person.username().equalsIgnoreCase(username)).findFirst();
    }

    Optional<Program> program(String clientId) {
        return programs.stream().filter(program -> program.clientId().equals(clientId)).findFirst();
    }

    /** What a person's tokens say about them. */
    static Map<String, Object> claims(Person person) {
        return without(Map.of("email", person.username(), "name", person.name(), "roles", person.roles(),
                "partnership", String.valueOf(person.partnership())));
    }

    /** What a program's tokens say about it. */
    static Map<String, Object> claims(Program program) {
        return without(Map.of("roles", program.roles(), "partnership", String.valueOf(program.partnership()),
                "organisation", String.valueOf(program.organisation()), "email", String.valueOf(program.email())));
    }

    private static Map<String, Object> without(Map<String, Object> claims) {
        return claims.entrySet().stream().filter(claim -> !"null".equals(claim.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
