package org.planwatch.gateway.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * planwatch's roles as a token's claim names them ({@code "roles": ["LEAD"]}), as authorities. Other roles a
 * provider adds ("offline_access") are not planwatch's and are dropped. The claim's name is configuration, as in
 * the services ({@code planwatch.security.claims.roles}).
 */
record CallerRoles(String claim) {

    static final Set<String> PLANWATCH_ROLES = Set.of("ADMINISTRATOR", "LEAD", "PARTNER");

    Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Object value = claims.get(claim);
        Collection<?> names = value instanceof Collection<?> many ? many
                : value instanceof String one ? List.of(one.split("[ ,]+")) : List.of();
        return names.stream()
                .map(name -> String.valueOf(name).strip().toUpperCase(Locale.ROOT))
                .filter(PLANWATCH_ROLES::contains)
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .collect(Collectors.toSet());
    }
}
