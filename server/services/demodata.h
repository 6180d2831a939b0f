#pragma once
// DemoData: three concerts (Korean and English titles) with three on-sale dates of 50 priced
// seats each, a customer account with money in the wallet and a staff account. Loaded only into
// an empty database. Main thread, at start-up.

#include <QString>

namespace encore::server {

struct Services;

struct DemoAccounts {
    static constexpr auto kCustomer = u"demo";
    static constexpr auto kCustomerPassword = u"demo-password-1";
    static constexpr auto kStaff = u"staff";
    static constexpr auto kStaffPassword = u"staff-password-1";
};

class DemoData {
public:
    // Returns false when the database already had concerts (nothing loaded).
    static bool loadIfEmpty(Services &services);
};

} // namespace encore::server
