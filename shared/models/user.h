#pragma once
// User: an account as the API shows it. Value type.

#include "api/wordtable.h"
#include "result.h"

#include <QJsonObject>
#include <QUuid>

namespace encore {

enum class Role { Customer, Staff };
template<> struct EnumWords<Role> {
    static constexpr std::array<EnumWord<Role>, 2> words {
        {{Role::Customer, u"customer"}, {Role::Staff, u"staff"}}};
};

struct User {
    QUuid id;
    QString username;
    Role role = Role::Customer;

    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject &json);
    friend bool operator==(const User &, const User &) = default;
};

} // namespace encore
