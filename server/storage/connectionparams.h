#pragma once
// ConnectionParams: how to reach PostgreSQL — from a postgresql:// URL, the libpq environment, or
// the embedded cluster. Value type.
//
// Several hosts (libpq multi-host, postgresql://u@a:5432,b:5433/db): `host` is "a,b" and
// `portList` "5432,5433"; with target_session_attrs=read-write (the default for several hosts)
// libpq connects to the first host that accepts writes, i.e. the current primary. A connection
// that breaks is opened again the same way, so workers follow a promoted standby by themselves.

#include "result.h"

#include <QString>

#include <optional>

class QSqlDatabase;

namespace encore::server {

struct ConnectionParams {
    QString host; // a hostname, a directory holding the Unix socket, or "a,b,..." (multi-host)
    int port = 5432;
    QString portList; // non-empty with several hosts: one port per host, comma-separated
    QString user;
    QString password; // empty: libpq's PGPASSWORD or password file (PGPASSFILE, ~/.pgpass)
    QString database;
    QString targetSessionAttrs; // libpq target_session_attrs, e.g. "read-write"

    static Result<ConnectionParams> fromUrl(const QString &url);
    // Set when PGHOST or PGDATABASE etc. are in the environment.
    static std::optional<ConnectionParams> fromLibpqEnvironment();
    QString describe() const; // without the password
    // Gives a QPSQL connection these settings (application_name, connect timeout included).
    void applyTo(QSqlDatabase &db, const QString &applicationName) const;
};

} // namespace encore::server
