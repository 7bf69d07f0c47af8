#pragma once

#include <QFile>

namespace trh {

// A file written under a temporary name beside its destination and renamed over it only when
// complete (commit()), so the destination is either the old file or the whole new one. Unlike
// QSaveFile the temporary name is one of ours (TempFiles): if the process is killed before
// commit() or cancel(), the next run finds and removes what it left. fileName() is the
// temporary path while the file is being written; SQLite may open it by name between
// open() and commit() (close() it first).
class AtomicFile : public QFile
{
public:
    explicit AtomicFile(const QString &destination, QObject *parent = nullptr);
    ~AtomicFile() override; // an uncommitted file is removed

    // Creates the temporary file; only QIODevice::WriteOnly (with or without Text) is taken.
    bool open(OpenMode mode) override;
    QString destination() const { return m_destination; }

    // Writes what is buffered and asks the system to put it on the disk.
    bool sync();
    // sync(), close() and rename over the destination. False (and the temporary file
    // removed) when any step fails; errorString() says why.
    bool commit();
    // Closes and removes the temporary file.
    void cancel();

private:
    bool syncHandle(int fd);

    QString m_destination;
    QString m_claim;
    bool m_pending = false; // a temporary file of ours exists
};

} // namespace trh
