package org.planwatch.notification.preference;

import java.util.Locale;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Recipients' preferences in MongoDB, by lower-case email address. */
@Repository
public class RecipientPreferences {

    static final String COLLECTION = "preferences";
    private final MongoTemplate mongo;

    RecipientPreferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Stored(String id, Preferences preferences) {
    }

    public Preferences of(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        Stored stored = mongo.findById(key, Stored.class, COLLECTION);
        return stored == null ? Preferences.defaults(key) : stored.preferences();
    }

    public Preferences save(Preferences preferences) {
        String key = preferences.email().toLowerCase(Locale.ROOT);
        Preferences normalised = new Preferences(key, preferences.delivery(), preferences.optedOut());
        mongo.save(new Stored(key, normalised), COLLECTION);
        return normalised;
    }
}
