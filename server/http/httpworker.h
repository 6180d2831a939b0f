#pragma once
// HttpWorker: one shared-nothing worker — its own thread, event loop and QHttpServer on its own
// SO_REUSEPORT socket (the kernel spreads connections across workers), synchronous handlers
// and the thread's own database connection. Created and stopped from the main thread.

#include "http/connectiongate.h"

#include <QSslConfiguration>
#include <QThread>

#include <memory>
#include <optional>

namespace encore::server {

class ConnectionBudget;
class NotificationListener;
struct ServerConfig;
struct Services;

// The edge's limits and timeouts as the command line set them.
EdgeSettings edgeSettingsOf(const ServerConfig &config);

class HttpWorker {
public:
    HttpWorker(int index, int socketFd, Services &services, const ServerConfig &config,
               std::optional<QSslConfiguration> tls, NotificationListener &listener,
               ConnectionBudget &budget);
    ~HttpWorker();

    // Starts the thread and returns once the server is listening (false on failure).
    bool start();
    // Lets in-flight requests finish, then ends the thread.
    void stop();

private:
    void run();

    int m_index;
    int m_socketFd;
    Services &m_services;
    const ServerConfig &m_config;
    std::optional<QSslConfiguration> m_tls;
    NotificationListener &m_listener;
    ConnectionBudget &m_budget;
    std::unique_ptr<QThread> m_thread;
};

// Opens a listening TCP socket with SO_REUSEPORT; returns the fd or -1 (error in *error).
int openReusePortSocket(const QHostAddress &address, quint16 port, QString *error);
quint16 boundPort(int fd);

} // namespace encore::server
