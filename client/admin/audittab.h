#pragma once
// AuditTab: the audit log of staff actions (who, what, on what, when, details), newest first,
// filtered by action prefix and staff username. GUI thread.

#include "api/admintypes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace encore {

class AdminApi;
struct ApiError;

class AuditTab : public QWidget {
    Q_OBJECT

public:
    static constexpr int kLimit = 500;

    explicit AuditTab(AdminApi *api, QWidget *parent = nullptr);

    void refresh();
    void setEntries(const QList<AuditEntry> &entries);
    void setFilter(const QString &action, const QString &actor);

Q_SIGNALS:
    void failed(const encore::ApiError &error);
    void entriesLoaded(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString describeAction(const QString &action);
    // "Customer: yuna.k · Concert: Aurora Nights · Amount: 5,000 KRW · Reason: …" — who, what
    // and why in words; keys it does not know show as they are.
    static QString detailsInWords(const QJsonObject &details);
    // The concert and customer an entry is about, by name; the raw target when it names none.
    static QString targetInWords(const QString &target, const QJsonObject &details);
    void retranslate();

    AdminApi *m_api;
    int m_count = 0;
    QLabel *m_heading;
    QLabel *m_actionLabel;
    QComboBox *m_action;
    QLabel *m_actorLabel;
    QLineEdit *m_actor;
    QPushButton *m_refresh;
    QLabel *m_countLabel;
    QTreeWidget *m_table;
};

} // namespace encore
