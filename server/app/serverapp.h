#pragma once
// ServerApp: encore-server's life — database (embedded or given), migrations, first staff
// account, demo data, workers and background jobs, the port file, and a graceful stop on
// SIGINT/SIGTERM. Main thread.

#include "config/serverconfig.h"

namespace encore::server {

class ServerApp {
public:
    explicit ServerApp(ServerConfig config);
    // Runs until a signal asks us to stop; returns the process exit code.
    int run();
    // --create-staff NAME: create the account (password from ENCORE_STAFF_PASSWORD or stdin).
    int createStaff();

private:
    ServerConfig m_config;
};

} // namespace encore::server
