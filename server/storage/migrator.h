#pragma once
// Migrator: applies the versioned SQL files embedded under :/migrations (NNN_name.sql) in order,
// each in its own transaction, under a session advisory lock so that several instances can
// start at once. Main thread, at start-up.

namespace encore::server {

class Database;

class Migrator {
public:
    // Returns the number of migrations applied now; throws DbError on failure.
    static int migrate(Database &db);
};

} // namespace encore::server
