package org.planwatch.gateway.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the gateway takes the caller to be: what every page of the console shows, and a check for a new token. */
@RestController
class WhoAmI {

    private final String emailClaim;
    private final String partnershipClaim;
    private final String organisationClaim;

    WhoAmI(@Value("${planwatch.security.claims.email:email}") String emailClaim,
            @Value("${planwatch.security.claims.partnership:partnership}") String partnershipClaim,
            @Value("${planwatch.security.claims.organisation:organisation}") String organisationClaim) {
        this.emailClaim = emailClaim;
        this.partnershipClaim = partnershipClaim;
        this.organisationClaim = organisationClaim;
    }

    /** Anyone signed in, about themselves. */
    @GetMapping("/me")
    Map<String, Object> me(Authentication caller) {
        Map<String, Object> claims = caller instanceof JwtAuthenticationToken token ? token.getTokenAttributes()
                : caller instanceof OAuth2AuthenticationToken session ? session.getPrincipal().getAttributes() : Map.of();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("subject", caller.getName());
        me.put("name", claims.getOrDefault("name", caller.getName()));
        me.put("email", claims.get(emailClaim));
        me.put("roles", caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(role -> role.substring(5))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        me.put("partnership", claims.get(partnershipClaim));
        me.put("organisation", claims.get(organisationClaim));
        me.put("signedInWith", caller instanceof OAuth2AuthenticationToken ? "session" : "bearer token");
        return me;
    }
}
