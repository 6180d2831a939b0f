#include "user.h"

#include "jsonreader.h"

using namespace Qt::StringLiterals;

namespace encore {

QJsonObject User::toJson() const
{
    return {{u"id"_s, id.toString(QUuid::WithoutBraces)},
            {u"username"_s, username},
            {u"role"_s, wordOf(role)}};
}

Result<User> User::fromJson(const QJsonObject &json)
{
    JsonReader r(json);
    User u;
    u.id = r.uuid(u"id"_s);
    u.username = r.string(u"username"_s);
    const auto role = enumFromWord<Role>(r.string(u"role"_s));
    if (!r.ok())
        return r.error();
    if (!role)
        return ApiError::unknownWord(u"role"_s, json.value(u"role"_s));
    u.role = *role;
    return u;
}

} // namespace encore
