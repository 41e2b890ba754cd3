package org.planwatch.gateway.console.planimport;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.planwatch.gateway.console.FieldProblem;
import org.planwatch.gateway.console.ServiceCalls.Refusal;
import org.planwatch.gateway.console.ServiceCalls;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator uploads a plan document, reads plan-service's dry run (the plan as parsed, each warning next to
 * its source line, what a commit would change) and commits it. The document travels back with the commit form, so
 * any gateway replica can take the commit and nothing is kept between the two requests.
 */
@Controller
class ImportPages {

    /** Plan documents are tables of a few hundred rows; anything far larger is not one. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final Duration IMPORT_PATIENCE = Duration.ofSeconds(60);

    private final ServiceCalls calls;
    private final JsonMapper json;

    ImportPages(ServiceCalls calls, JsonMapper json) {
        this.calls = calls;
        this.json = json;
    }

    @GetMapping("/console/import")
    String form() {
        return "console/import";
    }

    @PostMapping(path = "/console/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<String> dryRun(ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            String title = field(parts, "title");
            model.addAttribute("planTitle", title);
            if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
                return problem(model, "file", "Select a plan file to upload");
            }
            return DataBufferUtils.join(file.content(), MAX_BYTES + 1).map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            }).flatMap(bytes -> send(file.filename(), bytes, title, false, model)).onErrorResume(
                    DataBufferLimitException.class,
                    tooLarge -> problem(model, "file", "The file must be smaller than 2 MB"));
        });
    }

    @PostMapping(path = "/console/import/commit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<String> commit(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            String fileName = form.getFirst("fileName");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(String.valueOf(form.getFirst("document")));
            } catch (IllegalArgumentException unreadable) {
                return problem(model, "file", "Upload the plan file again");
            }
            if (fileName == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
                return problem(model, "file", "Upload the plan file again");
            }
            String title = form.getFirst("title");
            model.addAttribute("planTitle", title);
            return send(fileName, bytes, title, true, model);
        });
    }

    private Mono<String> send(String fileName, byte[] bytes, String title, boolean commit, Model model) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).filename(fileName);
        return calls.plans().post().uri(uri -> importUri(uri, commit, title))
                // As long as the API's import route waits: a large document takes a while to read and store.
                .httpRequest(request -> request.<HttpClientRequest>getNativeRequest().responseTimeout(IMPORT_PATIENCE))
                .contentType(MediaType.MULTIPART_FORM_DATA).bodyValue(body.build())
                .retrieve().bodyToMono(ImportReport.class)
                .map(report -> {
                    if (report.committed()) {
                        return "redirect:/console/plans/" + report.planId() + "?imported=true";
                    }
                    model.addAttribute("report", report);
                    model.addAttribute("fileName", fileName);
                    model.addAttribute("document", Base64.getEncoder().encodeToString(bytes));
                    return "console/import";
                })
                .onErrorResume(e -> ServiceCalls.refusalAs(e, refusal -> refused(refusal, model)));
    }

    private static URI importUri(UriBuilder uri, boolean commit, String title) {
        uri.path("/api/plans/imports").queryParam("commit", commit);
        if (title != null && !title.isBlank()) {
            uri.queryParam("title", title.strip());
        }
        return uri.build();
    }

    /** A document with errors comes back with them listed; other refusals are the file's problem or not allowed. */
    private Mono<String> refused(Refusal refusal, Model model) {
        if (refusal.is(HttpStatus.UNPROCESSABLE_CONTENT) && refusal.body().get("errors") instanceof List<?> errors) {
            model.addAttribute("refusedRows", errors.stream()
                    .map(error -> json.convertValue(error, ImportReport.Warning.class)).toList());
            return problem(model, "file", refusal.detail());
        }
        if (refusal.is(HttpStatus.BAD_REQUEST) || refusal.is(HttpStatus.UNPROCESSABLE_CONTENT)
                || refusal.is(HttpStatus.PAYLOAD_TOO_LARGE) || refusal.is(HttpStatus.UNSUPPORTED_MEDIA_TYPE)) {
            String why = refusal.errors().isEmpty() ? refusal.detail() : refusal.errors().get(0).reason();
            return problem(model, "file", why == null || why.isBlank() ? "The file could not be read" : why);
        }
        return ServiceCalls.refused(refusal, model);
    }

    private static Mono<String> problem(Model model, String field, String message) {
        model.addAttribute("problems", List.of(new FieldProblem(field, message)));
        return Mono.just("console/import");
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }
}
