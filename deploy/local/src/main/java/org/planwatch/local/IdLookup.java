package org.planwatch.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The stand-in's {@code _id} index, used as MongoDB uses it: for any query that names one {@code _id}, whatever else
 * it asks ({@code {_id: x, status: "PENDING"}}), and not only for a query on {@code _id} alone. Without it,
 * mongo-java-server reads every document of the collection for each such conditional update, and a collection that
 * keeps its history (the mail ledger) gets slower with every email ever sent. The rest of the query is still matched
 * against the one document found.
 */
final class IdLookup extends Index<Object> {

    private final Index<Object> ids;

    private IdLookup(Index<Object> ids, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.ids = ids;
    }

    /** The index the stand-in's databases make, with {@code _id} indexes answering every query that names one id. */
    static Index<Object> over(Index<Object> index, String name, List<IndexKey> keys, boolean sparse) {
        boolean idIndex = keys.size() == 1 && keys.get(0).getKey().equals("_id");
        return idIndex ? new IdLookup(index, name, keys, sparse) : index;
    }

    @Override
    public boolean canHandle(Document query) {
        return ids.canHandle(query) || namesOneId(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return ids.canHandle(query) ? ids.getPositions(query) : ids.getPositions(new Document("_id", query.get("_id")));
    }

    private static boolean namesOneId(Document query) {
        Object id = query.get("_id");
        return id != null && !(id instanceof Document) && !(id instanceof Collection<?>);
    }

    @Override
    public Object getPosition(Document document) {
        return ids.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        ids.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        ids.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return ids.remove(document);
    }

    @Override
    public long getCount() {
        return ids.getCount();
    }

    @Override
    public long getDataSize() {
        return ids.getDataSize();
    }

    @Override
    public void checkUpdate(Document old, Document updated, MongoCollection<Object> collection) {
        ids.checkUpdate(old, updated, collection);
    }

    @Override
    public void updateInPlace(Document old, Document updated, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        ids.updateInPlace(old, updated, position, collection);
    }

    @Override
    public void drop() {
        ids.drop();
    }

    @Override
    public boolean isUnique() {
        return ids.isUnique();
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        return ids.getKeyValues(document);
    }
}
