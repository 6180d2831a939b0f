#pragma once
// CustomersTab: staff find a customer by username and see their wallet, ledger, reservations,
// payments, queue tickets and queue blocks, and act from there — refund a reservation (whole or
// some seats), adjust the wallet, end their place in a queue, block or unblock them from a
// concert's queue. Every action asks for a reason (ReasonDialog, window-modal). GUI thread.

#include "api/apitypes.h"
#include "models/concert.h"
#include "models/staffops.h"

#include <functional>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace encore {

class LedgerModel;
class ReasonDialog;
class ReservationListModel;
class StaffApi;
struct ApiError;

class CustomersTab : public QWidget {
    Q_OBJECT

public:
    explicit CustomersTab(StaffApi *api, QWidget *parent = nullptr);

    void setConcerts(const QList<Concert> &concerts);
    void search(const QString &text);
    void showCustomer(const QUuid &userId);
    void refresh(); // the shown customer again
    const std::optional<CustomerDetail> &customer() const { return m_customer; }

    // Open the action's ReasonDialog (tests fill it in and press its OK button).
    void refundSelected();
    void adjustWallet();
    void removeFromQueue();
    void blockFromQueue();
    void unblockSelected();

Q_SIGNALS:
    void searched(int results);
    void customerShown();
    void failed(const encore::ApiError &error);
    void succeeded(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDetail(const CustomerDetail &detail);
    std::optional<Reservation> selectedReservation() const;
    QString concertTitle(qint64 concertId) const;
    // Opens the window-modal reason dialog; `send` runs with it once confirmed.
    ReasonDialog *ask(const QString &title, const QString &text, const QString &confirmText,
                      const std::function<void(ReasonDialog *)> &send);
    // An action's answer: the refusal, or `message` of the result and the customer reloaded.
    template<typename T>
    std::function<void(const Result<T> &)> outcome(std::function<QString(const T &)> message);
    // The concert of the selected queue row (a ticket, or a block); complains when none.
    std::optional<qint64> selectedQueueRow(bool block);
    void retranslate();

    StaffApi *m_api;
    QList<Concert> m_concerts;
    QList<CustomerSummary> m_results;
    std::optional<CustomerDetail> m_customer;

    QLabel *m_heading;
    QLineEdit *m_query;
    QPushButton *m_search;
    QListWidget *m_list;
    QLabel *m_name;
    QLabel *m_balance;
    QPushButton *m_adjust;
    QTabWidget *m_sections;
    ReservationListModel *m_reservationModel;
    QTableView *m_reservations;
    QPushButton *m_refund;
    QTreeWidget *m_payments;
    LedgerModel *m_ledgerModel;
    QTableView *m_ledger;
    QTreeWidget *m_queue;
    QPushButton *m_remove;
    QComboBox *m_blockConcert;
    QPushButton *m_block;
    QPushButton *m_unblock;
};

} // namespace encore
