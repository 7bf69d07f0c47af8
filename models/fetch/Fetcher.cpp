#include "Fetcher.h"

#include <QCoreApplication>
#include <QTimer>

namespace trh::fetch {

class FetchRun
{
};

Fetcher::Fetcher(QString databasePath, QObject *parent)
    : QObject(parent), m_databasePath(std::move(databasePath))
{
    qRegisterMetaType<trh::fetch::FetchResult>();
}

Fetcher::~Fetcher() = default;

void Fetcher::setTuning(const FetchTuning &tuning)
{
    m_tuning = tuning;
}

bool Fetcher::isRunning() const
{
    return m_run != nullptr;
}

void Fetcher::start(const FetchOptions &)
{
    // Placeholder until the engine lands: fails at once, asynchronously.
    QTimer::singleShot(0, this, [this] {
        FetchResult r;
        r.error = tr("Fetching is not available yet.");
        emit finished(r);
    });
}

void Fetcher::testConnection(const Connection &, const QByteArray &)
{
    QTimer::singleShot(
        0, this, [this] { emit connectionTested(false, tr("Fetching is not available yet.")); });
}

void Fetcher::cancel() {}

} // namespace trh::fetch
