package org.planwatch.local.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner systems an administrator added (client credentials, role PARTNER, one organisation), kept in a JSON file
 * next to the signing key so they outlive a restart. Only the secret's hash is kept; the secret itself is shown
 * once, when the client is added. With Keycloak, Entra ID or Okta, partner clients are managed there instead.
 */
@Component
class PartnerClients {

    /** A partner system: its client id, the organisation its tokens name, and the partnership that added it. */
    record PartnerClient(String clientId, String secretHash, String organisation, String partnership,
                         String description, Instant addedAt, String addedBy) {
    }

    private static final TypeReference<List<PartnerClient>> LIST = new TypeReference<>() { };
    private final Path file;
    private final PasswordEncoder passwords;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PartnerClient> clients = new LinkedHashMap<>();

    PartnerClients(@Value("${planwatch.issuer.partner-clients-file:}") String file, PasswordEncoder passwords) {
        this.file = file == null || file.isBlank() ? null : Path.of(file);
        this.passwords = passwords;
        if (this.file != null && Files.exists(this.file)) {
            json.readValue(this.file.toFile(), LIST).forEach(client -> clients.put(client.clientId(), client));
        }
    }

    synchronized Optional<PartnerClient> find(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    synchronized List<PartnerClient> of(String partnership) {
        return clients.values().stream().filter(client -> client.partnership().equalsIgnoreCase(partnership)).toList();
    }

    /** Adds a partner client and returns its secret, which is not kept and cannot be read again. */
    synchronized String add(String clientId, String organisation, String partnership, String description, String by) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        clients.put(clientId, new PartnerClient(clientId, passwords.encode(secret), organisation, partnership,
                description, Instant.now(), by));
        save();
        return secret;
    }

    synchronized boolean remove(String clientId, String partnership) {
        PartnerClient client = clients.get(clientId);
        if (client == null || !client.partnership().equalsIgnoreCase(partnership)) {
            return false;
        }
        clients.remove(clientId);
        save();
        return true;
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(written.toFile(), new ArrayList<>(clients.values()));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
