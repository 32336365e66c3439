package org.trilink.platform;

/** Flyway's migrations of the application, for tests of other packages that need a schema at a version. */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates the database to {@code target} ("latest" for every migration there is). */
    public static void migrate(String url, String user, String password, String target) {
        SchemaMigration.configuration(Migrations.class.getClassLoader()).dataSource(url, user, password)
                .target(target).load().migrate();
    }
}
