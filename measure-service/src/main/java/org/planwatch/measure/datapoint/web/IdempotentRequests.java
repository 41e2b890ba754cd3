package org.planwatch.measure.datapoint.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bson.Document;
import org.planwatch.api.ProblemHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests under an {@code Idempotency-Key} (as the IETF draft "The Idempotency-Key HTTP Header Field" describes):
 * the first is carried out and its answer kept for a day; the same key with the same body gets that answer again;
 * the same key with another body is refused. A request whose instance died mid-way holds its key only for a short
 * lease, after which the key's next request carries it out again (its figures are then repeats, stored once).
 */
@Component
class IdempotentRequests {

    static final String COLLECTION = "idempotency";
    private static final Duration LEASE = Duration.ofSeconds(60);
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("startedAt", Sort.Direction.ASC)
                .expire(Duration.ofDays(1)));
    }

    ResponseEntity<Object> once(String key, JsonNode body, Supplier<ResponseEntity<Object>> request) {
        String hash = sha256(body.toString());
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("hash", hash).append("startedAt", now), COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            Document earlier = mongo.findById(key, Document.class, COLLECTION);
            if (earlier == null) {
                return once(key, body, request);
            }
            if (!hash.equals(earlier.getString("hash"))) {
                return refused(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                        "this Idempotency-Key was used for a different batch; use a new key for new data");
            }
            if (earlier.get("status") != null) {
                return ResponseEntity.status(earlier.getInteger("status"))
                        .contentType(MediaType.parseMediaType(earlier.getString("contentType")))
                        .header("Idempotent-Replayed", "true").body(earlier.getString("body"));
            }
            Instant started = earlier.getDate("startedAt").toInstant();
            boolean abandoned = started.plus(LEASE).isBefore(now) && mongo.updateFirst(query(where("_id").is(key)
                    .and("startedAt").is(started).and("status").exists(false)), new Update().set("startedAt", now),
                    COLLECTION).getModifiedCount() == 1;
            if (!abandoned) {
                ResponseEntity<Object> busy = refused(HttpStatus.CONFLICT, "idempotency-key-in-use",
                        "a batch with this Idempotency-Key is being taken in now; ask again in a few seconds");
                return ResponseEntity.status(busy.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                        .body(busy.getBody());
            }
        }
        ResponseEntity<Object> answer = request.get();
        MediaType type = answer.getBody() instanceof ProblemDetail ? MediaType.APPLICATION_PROBLEM_JSON
                : MediaType.APPLICATION_JSON;
        mongo.updateFirst(query(where("_id").is(key)), new Update().set("status", answer.getStatusCode().value())
                .set("contentType", type.toString()).set("body", json.writeValueAsString(asJson(answer.getBody()))),
                COLLECTION);
        return answer;
    }

    /** A problem as RFC 9457 lays it out, its extension members beside the standard ones. */
    private static Object asJson(Object body) {
        if (!(body instanceof ProblemDetail problem)) {
            return body;
        }
        java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    private static ResponseEntity<Object> refused(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemHandler.problem(status, type, "Idempotency-Key", detail);
        problem.setProperty("field", "Idempotency-Key");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
