/*
 * schema.h - the store's schema, as forward-only migrations.
 *
 * schema_migrations[v] takes a database at user_version v to v + 1.  A
 * new database runs them all from 0.  Never edit a migration that has
 * shipped: add one.
 */
#ifndef PROGRESS_SCHEMA_H
#define PROGRESS_SCHEMA_H

/* 'TRNR': PRAGMA application_id of a trainer progress database. */
#define SCHEMA_APPLICATION_ID 0x54524E52

extern const char *const schema_migrations[];
extern const int schema_nmigrations;

#endif
