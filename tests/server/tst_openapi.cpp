// resources/openapi.yaml and the server's routes agree: every registered route is described, and
// every described operation is served. The routes are registered on a QHttpServer in-process; no
// database is opened (a Database connects only when a query runs).
#include "apipaths.h"
#include "registeredroutes.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
namespace server = encore::server;

namespace {

// Served outside the RouteRegistrar (the WebSocket upgrade in HttpWorker).
const QStringList kServedElsewhere {u"GET "_s + encore::api::live()};

// "/concerts/{concertId}/queue" and "/concerts/<arg>/queue" both become "/concerts/{id}/queue".
QString normalizePath(QString path)
{
    static const QRegularExpression kParam(u"\\{[^/}]*\\}"_s);
    path.replace(u"<arg>"_s, u"{id}"_s);
    path.replace(kParam, u"{id}"_s);
    return path;
}

} // namespace

class TestOpenApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void routeIsDescribed_data();
    void routeIsDescribed();
    void operationIsServed_data();
    void operationIsServed();
    void noDuplicates();

private:
    QStringList m_routes; // "GET /api/v1/concerts/{id}"
    QStringList m_operations; // the same, from the spec
};

void TestOpenApi::initTestCase()
{
    // Routes, exactly as every worker registers them.
    for (const server::RouteInfo &r : encore::test::registeredRoutes())
        m_routes.append(server::RouteRegistrar::methodName(r.method) + u' '
                        + normalizePath(r.path));
    QVERIFY(m_routes.size() >= 20);

    // Operations: "  /path:" (2 spaces) and "    get:" (4 spaces) under the top-level "paths:".
    QFile spec(QStringLiteral(ENCORE_OPENAPI));
    QVERIFY2(spec.open(QIODevice::ReadOnly | QIODevice::Text),
             qPrintable(spec.fileName() + u" is missing"_s));
    static const QRegularExpression kPath(u"^  (/\\S*):\\s*$"_s);
    static const QRegularExpression kMethod(u"^    (get|put|post|delete|patch|head|options):"_s);
    static const QRegularExpression kTopLevel(u"^\\S"_s);
    bool inPaths = false;
    QString path;
    while (!spec.atEnd()) {
        const QString line = QString::fromUtf8(spec.readLine()).chopped(1);
        if (kTopLevel.match(line).hasMatch()) {
            inPaths = line.startsWith(u"paths:"_s);
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = kPath.match(line); m.hasMatch())
            path = normalizePath(m.captured(1));
        else if (const auto m2 = kMethod.match(line); m2.hasMatch() && !path.isEmpty())
            m_operations.append(m2.captured(1).toUpper() + u' ' + path);
    }
    QVERIFY2(m_operations.size() >= 20, "no paths found in the spec");
}

void TestOpenApi::routeIsDescribed_data()
{
    QTest::addColumn<QString>("route");
    for (const QString &r : std::as_const(m_routes))
        QTest::addRow("%s", qPrintable(r)) << r;
}

void TestOpenApi::routeIsDescribed()
{
    QFETCH(QString, route);
    QVERIFY2(m_operations.contains(route),
             qPrintable(route + u" is served but not in resources/openapi.yaml"_s));
}

void TestOpenApi::operationIsServed_data()
{
    QTest::addColumn<QString>("operation");
    for (const QString &o : std::as_const(m_operations)) {
        if (!kServedElsewhere.contains(o))
            QTest::addRow("%s", qPrintable(o)) << o;
    }
}

void TestOpenApi::operationIsServed()
{
    QFETCH(QString, operation);
    QVERIFY2(m_routes.contains(operation),
             qPrintable(operation
                        + u" is in resources/openapi.yaml but the server has no such route"_s));
}

void TestOpenApi::noDuplicates()
{
    // A second registration of the same method and path would never be reached (first wins).
    QCOMPARE(QSet<QString>(m_routes.begin(), m_routes.end()).size(), m_routes.size());
    QCOMPARE(QSet<QString>(m_operations.begin(), m_operations.end()).size(), m_operations.size());
}

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
