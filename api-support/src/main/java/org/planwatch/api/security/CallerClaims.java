package org.planwatch.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.planwatch.caller.Caller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Which claims of an access token say who the caller is. The defaults are the local issuer's; another OIDC
 * provider (Keycloak, Entra ID, Okta) maps its users' roles and attributes to claims of these names, or the names
 * are changed here ({@code planwatch.security.claims.roles: groups}).
 */
@ConfigurationProperties("planwatch.security.claims")
public record CallerClaims(String roles, String email, String partnership, String organisation) {

    public CallerClaims {
        roles = roles == null ? "roles" : roles;
        email = email == null ? "email" : email;
        partnership = partnership == null ? "partnership" : partnership;
        organisation = organisation == null ? "organisation" : organisation;
    }

    public Caller caller(Jwt token) {
        return new Caller(token.getSubject(), token.getClaimAsString(email), roles(token),
                token.getClaimAsString(partnership), token.getClaimAsString(organisation));
    }

    /** The planwatch roles the token names; other roles a provider adds ("offline_access") are not planwatch's. */
    private Set<Caller.Role> roles(Jwt token) {
        Object claim = token.getClaims().get(roles);
        Collection<?> names = claim instanceof Collection<?> many ? many : claim instanceof String one
                ? List.of(one.split("[ ,]+")) : List.of();
        Set<Caller.Role> found = EnumSet.noneOf(Caller.Role.class);
        for (Object name : names) {
            for (Caller.Role role : Caller.Role.values()) {
                if (role.name().equals(String.valueOf(name).strip().toUpperCase(Locale.ROOT))) {
                    found.add(role);
                }
            }
        }
        return found;
    }
}
