// PaySandbox::restore and save: the sandbox's records in one JSON file, so a restart (run.sh is
// stopped and started again) does not forget what was charged — Encore's reconciliation compares
// its orders with the gateway's settlements and would otherwise report every earlier top-up.

#include "paysandbox.h"

#include "jsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

namespace encore::sandbox {

namespace {
constexpr int kStateVersion = 1;
}

void PaySandbox::save() const
{
    if (m_config.stateFile.isEmpty())
        return;
    QJsonArray payments;
    for (const StoredPayment &s : m_payments)
        payments.append(QJsonObject {{u"payment"_s, s.payment.toJson()},
                                     {u"behaviour"_s, int(s.behaviour)},
                                     {u"delayedOnce"_s, s.delayedOnce}});
    QJsonArray answers;
    for (auto it = m_idempotent.cbegin(); it != m_idempotent.cend(); ++it)
        answers.append(
            QJsonObject {{u"key"_s, QString::fromLatin1(it.key().toBase64())},
                         {u"requestHash"_s, QString::fromLatin1(it->requestHash.toBase64())},
                         {u"status"_s, it->answer.status},
                         {u"body"_s, QString::fromUtf8(it->answer.body)}});
    QSaveFile file(m_config.stateFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCCritical(lcSandbox).noquote()
            << "cannot write" << m_config.stateFile << file.errorString();
        return;
    }
    file.write(QJsonDocument(QJsonObject {{u"version"_s, kStateVersion},
                                          {u"payments"_s, payments},
                                          {u"idempotent"_s, answers}})
                   .toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCCritical(lcSandbox).noquote()
            << "cannot write" << m_config.stateFile << file.errorString();
}

bool PaySandbox::restore()
{
    if (m_config.stateFile.isEmpty())
        return true;
    QFile file(m_config.stateFile);
    if (!file.exists())
        return true;
    const auto refuse = [this](const QString &why) {
        qCCritical(lcSandbox).noquote()
            << "cannot read the state file" << m_config.stateFile << why;
        return false;
    };
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    const auto parsed = JsonReader::parseObject(file.readAll());
    if (!parsed || parsed->value(u"version"_s).toInt() != kStateVersion)
        return refuse(u"(not a state file of this version)"_s);
    for (const QJsonValue &v : parsed->value(u"payments"_s).toArray()) {
        const QJsonObject o = v.toObject();
        auto payment = gateway::Payment::fromJson(o.value(u"payment"_s).toObject());
        const int behaviour = o.value(u"behaviour"_s).toInt(-1);
        if (!payment || behaviour < 0 || behaviour > int(CardBehaviour::NeedsAuthentication))
            return refuse(u"(a payment does not read back)"_s);
        StoredPayment stored {std::move(payment).value(), CardBehaviour(behaviour),
                              o.value(u"delayedOnce"_s).toBool()};
        // An order's payment is its latest one, as authorize() records it.
        const QString previous = m_orderPayments.value(stored.payment.orderId);
        if (previous.isEmpty()
            || m_payments.value(previous).payment.requestedAt <= stored.payment.requestedAt)
            m_orderPayments.insert(stored.payment.orderId, stored.payment.paymentKey);
        m_payments.insert(stored.payment.paymentKey, stored);
    }
    for (const QJsonValue &v : parsed->value(u"idempotent"_s).toArray()) {
        const QJsonObject o = v.toObject();
        m_idempotent.insert(
            QByteArray::fromBase64(o.value(u"key"_s).toString().toLatin1()),
            {QByteArray::fromBase64(o.value(u"requestHash"_s).toString().toLatin1()),
             {o.value(u"status"_s).toInt(), o.value(u"body"_s).toString().toUtf8()}});
    }
    qCInfo(lcSandbox).noquote() << "restored" << m_payments.size() << "payments from"
                                << m_config.stateFile;
    return true;
}

} // namespace encore::sandbox
