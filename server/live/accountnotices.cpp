#include "accountnotices.h"

#include "storage/database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace encore::server {

void notifyAccount(Database &db, const AccountNotice &notice)
{
    db.exec(u"SELECT pg_notify(?, ?)"_s,
            {QString::fromLatin1(kAccountChannel),
             QString::fromUtf8(QJsonDocument(notice.toJson()).toJson(QJsonDocument::Compact))});
}

} // namespace encore::server
