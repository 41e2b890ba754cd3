package org.planwatch.local.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The key the issuer signs tokens with, kept in a file when one is named: an issuer started again after a crash
 * signs with the same key, so the tokens it gave out before stay good.
 */
final class SigningKey {

    private SigningKey() {
    }

    static RSAKey loadOrCreate(String file) {
        try {
            if (file == null || file.isBlank()) {
                return generate();
            }
            Path path = Path.of(file);
            if (Files.exists(path)) {
                return RSAKey.parse(Files.readString(path));
            }
            RSAKey key = generate();
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path written = Files.writeString(Files.createTempFile(path.toAbsolutePath().getParent(), "key", ".tmp"),
                    key.toJSONString());
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            Files.move(written, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the signing key in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
    }
}
