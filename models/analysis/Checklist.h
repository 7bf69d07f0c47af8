#pragma once

#include "FleetSummary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace trh {

class Database;

// One step of the monthly Threat Response maintenance procedure.
struct ChecklistStep
{
    QString id;    // stable key stored in the checklist table ("health", "settings", …)
    QString title; // translated
    QString what;  // translated: what to review, in one or two sentences
};

// What the snapshot's data says about one step.
struct ChecklistStatus
{
    QString text;           // translated, e.g. "Health failures: 224 endpoints in 5 domains"
    bool attention = false; // the data shows something to act on
};

// The sign-off and notes of one step for one month. Not signed off: signedBy empty and
// signedAt invalid.
struct ChecklistEntry
{
    QString month; // YYYY-MM
    QString step;  // ChecklistStep::id
    QString signedBy;
    QDateTime signedAt; // UTC
    QString notes;
    bool isSignedOff() const { return !signedBy.isEmpty() && signedAt.isValid(); }
};

// The monthly maintenance checklist: the procedure's steps, each step's status computed from
// a snapshot's summary ("trhealth.summary/1"), and per month the sign-offs and notes, stored
// in the checklist table. Every write binds its values.
class Checklist final
{
public:
    static const std::vector<ChecklistStep> &steps();
    static bool isStep(const QString &id);
    // "YYYY-MM" with a month from 01 to 12.
    static bool isMonth(const QString &month);
    // The month of a summary's snapshot (its taken_at, UTC), else the current month.
    static QString monthOf(const FleetSummary &summary);
    static QString monthOf(const QJsonObject &summary); // FleetSummary::fromJson(summary)

    // A summary that is not valid (no snapshot) gives "No snapshot".
    static ChecklistStatus status(const QString &step, const FleetSummary &summary);
    static ChecklistStatus status(const QString &step, const QJsonObject &summary);

    // One entry per step of steps(), in that order; steps without a stored row are empty.
    // nullopt and *error on a bad month or a database error.
    static std::optional<std::vector<ChecklistEntry>> load(Database &db, const QString &month,
                                                           QString *error);
    // Writes the entry (insert or replace its sign-off and notes). Validates month and step;
    // a sign-off needs both who and when (or neither).
    static bool save(Database &db, const ChecklistEntry &entry, QString *error);
    // Signs a step off (keeping its notes); when invalid: now.
    static bool signOff(Database &db, const QString &month, const QString &step, const QString &who,
                        const QDateTime &when, QString *error);
    // Replaces the notes of a step (keeping its sign-off).
    static bool setNotes(Database &db, const QString &month, const QString &step,
                         const QString &notes, QString *error);
    // Removes the sign-off of a step (keeping its notes).
    static bool clearSignOff(Database &db, const QString &month, const QString &step,
                             QString *error);

private:
    static bool update(Database &db, const QString &month, const QString &step,
                       const std::function<void(ChecklistEntry &)> &change, QString *error);
};

} // namespace trh
