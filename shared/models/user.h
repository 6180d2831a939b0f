#pragma once
// User: an account as the API shows it. Value type.

#include "result.h"

#include <QJsonObject>
#include <QUuid>

namespace encore {

enum class Role { Customer, Staff };
QString roleName(Role role);                         // "customer" | "staff"
std::optional<Role> roleFromName(const QString &name);

struct User
{
    QUuid id;
    QString username;
    Role role = Role::Customer;

    QJsonObject toJson() const;
    static Result<User> fromJson(const QJsonObject &json);
};

} // namespace encore
