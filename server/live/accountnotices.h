#pragma once
// notifyAccount: tells a customer's open windows, on every instance, that staff changed
// something of theirs (a NOTIFY on encore_account; PostgreSQL sends it when the caller's
// transaction commits, at once outside one). LiveHub forwards it to that user's sockets.

#include "models/staffops.h"

namespace encore::server {

class Database;

inline constexpr char kAccountChannel[] = "encore_account";

void notifyAccount(Database &db, const AccountNotice &notice);

} // namespace encore::server
