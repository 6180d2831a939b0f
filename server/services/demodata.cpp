#include "demodata.h"

#include "services/services.h"
#include "storage/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace encore::server {

namespace {
struct DemoConcert {
    QString title;
    QString artist;
    QString venue;
    QString description;
    TierPrices prices;
};
} // namespace

bool DemoData::loadIfEmpty(Services &s)
{
    QSqlQuery &q = s.db.exec(u"SELECT count(*) FROM concerts"_s);
    q.next();
    if (q.value(0).toLongLong() > 0)
        return false;

    const QList<DemoConcert> concerts {
        {u"아이유 콘서트 — The Golden Hour / IU Concert"_s,
         u"아이유 (IU)"_s,
         u"잠실 올림픽주경기장 · Seoul Olympic Stadium"_s,
         u"두 시간 반의 라이브, 밴드와 오케스트라. Two and a half hours live with band and orchestra."_s,
         {198'000, 165'000, 132'000, 99'000}},
        {u"서울 재즈 나이트 / Seoul Jazz Night"_s,
         u"Various Artists"_s,
         u"세종문화회관 · Sejong Center"_s,
         u"도시의 밤을 위한 재즈. Jazz for a city night."_s,
         {120'000, 90'000, 70'000, 50'000}},
        {u"Symphony of Seasons — 사계 교향곡"_s,
         u"Seoul Philharmonic Orchestra"_s,
         u"예술의전당 · Seoul Arts Center"_s,
         u"비발디의 사계와 피아졸라의 부에노스아이레스의 사계. Vivaldi and Piazzolla, four seasons each."_s,
         {150'000, 110'000, 80'000, 40'000}},
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.db.transact([&] {
        int week = 0;
        for (const DemoConcert &c : concerts) {
            const qint64 id
                = s.concerts.createConcert({c.title, c.artist, c.venue, c.description, {}});
            s.queue.ensureSettings(id);
            for (int d = 0; d < 3; ++d) {
                const QDateTime startsAt
                    = now.addDays(14 + 7 * week + d).date().startOfDay(Qt::UTC).addSecs(10 * 3600);
                s.concerts.createSchedule(id, startsAt, now.addSecs(-3600), startsAt.addSecs(-3600),
                                          c.prices);
            }
            ++week;
        }
    });
    s.auth.ensureStaff(QString::fromUtf16(DemoAccounts::kStaff),
                       QString::fromUtf16(DemoAccounts::kStaffPassword));
    const QString customer = QString::fromUtf16(DemoAccounts::kCustomer);
    QSqlQuery &exists = s.db.exec(u"SELECT id FROM users WHERE username = ?"_s, {customer});
    if (!exists.next()) {
        const Session session
            = s.auth.registerUser(customer, QString::fromUtf16(DemoAccounts::kCustomerPassword),
                                  QHostAddress(QHostAddress::LocalHost));
        // A starting balance is a staff adjustment: money enters wallets only by card or staff.
        s.db.transact([&] {
            s.wallet.credit(session.user.id, 300'000, LedgerKind::Adjustment,
                            u"demo starting balance"_s);
        });
        s.auth.logout(session.token.toLatin1());
    }
    return true;
}

} // namespace encore::server
