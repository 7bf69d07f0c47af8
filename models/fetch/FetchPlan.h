#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace trh::fetch {

// One question of the monthly maintenance procedure, as trhealth asks it: the procedure's
// sensors with Computer Name and OS Platform added so the answers are per endpoint.
struct PlannedQuestion
{
    QString dataset;      // the dataset of resources/datasets.json the answers land in
    QStringList sensors;  // the procedure's sensors (without Computer Name / OS Platform)
    QString filterSensor; // optional "with <sensor> matches <value>" filter
    QString filterValue;

    // "Get Computer Name and OS Platform and ... from all machines[ with ...]". Also the name
    // of the file the answers are kept as, so the importer can tell datasets apart by name.
    QString text() const;
    // Body of POST /api/v2/questions; the question stays answerable for expireSeconds.
    QJsonObject restQuestion(int expireSeconds) const;
    // The sensorReadings sensors and the endpoint filter of the Gateway endpoints query.
    QJsonObject gatewayVariables(int first, const QString &after) const;
};

// The questions, in the order they are asked.
QList<PlannedQuestion> maintenanceQuestions();

// The GraphQL text of the Gateway endpoints query (variables: first, after, sensors, filter).
QString gatewayEndpointsQuery();

} // namespace trh::fetch
