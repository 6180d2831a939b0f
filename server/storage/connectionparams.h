#pragma once
// ConnectionParams: how to reach PostgreSQL — from a postgresql:// URL, the libpq environment, or
// the embedded cluster. Value type.

#include "result.h"

#include <QString>

#include <optional>

namespace encore::server {

struct ConnectionParams {
    QString host; // a hostname, or a directory holding the Unix socket
    int port = 5432;
    QString user;
    QString password;
    QString database;

    static Result<ConnectionParams> fromUrl(const QString &url);
    // Set when PGHOST or PGDATABASE etc. are in the environment.
    static std::optional<ConnectionParams> fromLibpqEnvironment();
    QString describe() const; // without the password
};

} // namespace encore::server
