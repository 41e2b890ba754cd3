package org.planwatch.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A secondary index for the stand-in, kept in memory and built again from the documents at start-up. mongo-java-server
 * ignores secondary indexes, so {@code {status: "PENDING", nextAttemptAt: {$lte: now}}} read every email the mail
 * ledger ever kept; with this, a query naming a text or true/false value for an index's first field reads only the
 * documents holding that value (or an array containing it, as MongoDB matches), and the rest of the query, the sort
 * and the limit are applied to those as before. Any other query is left to the full scan.
 */
final class FirstFieldIndex extends Index<Object> {

    private final String field;
    private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();
    private final Map<Object, List<Object>> valuesByPosition = new HashMap<>();

    private FirstFieldIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    /** The index for these keys, or {@code ignored} (what mongo-java-server made) for a field inside a document. */
    static Index<Object> over(Index<Object> ignored, String name, List<IndexKey> keys, boolean sparse) {
        return keys.get(0).getKey().contains(".") ? ignored : new FirstFieldIndex(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return indexable(query.get(field));
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        return List.copyOf(positionsByValue.getOrDefault(query.get(field), Set.of()));
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        List<Object> values = indexableValues(document.get(field));
        valuesByPosition.put(position, values);
        values.forEach(value -> positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position));
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionOf(document);
        for (Object value : valuesByPosition.getOrDefault(position, List.of())) {
            Set<Object> positions = positionsByValue.get(value);
            positions.remove(position);
            if (positions.isEmpty()) {
                positionsByValue.remove(value);
            }
        }
        valuesByPosition.remove(position);
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document old, Document updated, Object position,
                                           MongoCollection<Object> collection) {
        remove(old);
        add(updated, position, collection);
    }

    /** Where the H2 backend keeps a document: under its {@code _id}. */
    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get("_id"));
    }

    private static boolean indexable(Object value) {
        return value instanceof String || value instanceof Boolean;
    }

    private static List<Object> indexableValues(Object value) {
        if (value instanceof Collection<?> elements) {
            return elements.stream().filter(FirstFieldIndex::indexable).distinct().map(Object.class::cast).toList();
        }
        return indexable(value) ? List.of(value) : List.of();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void checkUpdate(Document old, Document updated, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized long getCount() {
        return valuesByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        valuesByPosition.clear();
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
