package org.planwatch.gateway.console;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Who is looking at a page: shown on every page, and what decides which links it offers. */
public record Viewer(String subject, String name, String email, String partnership, Set<String> roles) {

    public static Viewer of(Authentication caller) {
        Map<String, Object> claims = caller instanceof OAuth2AuthenticationToken session
                ? session.getPrincipal().getAttributes()
                : caller instanceof JwtAuthenticationToken token ? token.getTokenAttributes() : Map.of();
        String email = text(claims.get("email"));
        String name = text(claims.get("name"));
        return new Viewer(caller.getName(), name != null ? name : email != null ? email : caller.getName(), email,
                text(claims.get("partnership")), roles(caller.getAuthorities()));
    }

    /** The signed-in person making the current request. */
    public static Mono<Viewer> current() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).map(Viewer::of);
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()).toUpperCase(Locale.ROOT));
            }
        }
        return roles;
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    public boolean isAdministrator() {
        return roles.contains("ADMINISTRATOR");
    }

    public boolean isLead() {
        return roles.contains("LEAD");
    }

    /** The roles as people read them: "Administrator", "Lead professional". */
    public String roleNames() {
        return String.join(", ", roles.stream().map(role -> switch (role) {
            case "ADMINISTRATOR" -> "Administrator";
            case "LEAD" -> "Lead professional";
            case "PARTNER" -> "Partner system";
            default -> role;
        }).toList());
    }
}
