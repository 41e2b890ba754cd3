package org.planwatch.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks event JSON against a contract schema that lives with the producing service. Producers test what they
 * publish; consumers test the examples they are written against. Neither imports the other's classes.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** A schema file of a service, found from the project root (the build passes {@code planwatch.root}). */
    public static Path schemaOf(String service, String file) {
        Path root = Path.of(System.getProperty("planwatch.root", "..")).toAbsolutePath().normalize();
        return root.resolve(service).resolve("src/main/resources/contracts").resolve(file);
    }

    /** What in {@code json} breaks the schema; empty when the event keeps the contract. */
    public static List<String> violations(Path schemaFile, String json) {
        try (InputStream in = Files.newInputStream(schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            return schema.validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
