package org.trilink.partners.control;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel's idempotent repository over {@link ProcessedMessages}. A plain class, not a CDI bean:
 * Camel services have final methods a CDI proxy cannot wrap. A key that loses the insert race
 * to another instance counts as already taken.
 */
public class DatabaseIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final ProcessedMessages store;
    private final String name;

    public DatabaseIdempotentRepository(ProcessedMessages store, String name) {
        this.store = store;
        this.name = name;
    }

    @Override
    public boolean add(String key) {
        try {
            return store.add(name, key);
        } catch (RuntimeException unique) {
            return false;
        }
    }

    @Override
    public boolean contains(String key) {
        return store.contains(name, key);
    }

    @Override
    public boolean remove(String key) {
        return store.remove(name, key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        store.clear(name);
    }
}
