#include "WorkspaceFile.h"

#include "Schema.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>

namespace trh {

namespace {

// The SQLite file format (sqlite.org/fileformat.html, "The Database Header").
constexpr qint64 kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3"; // and its terminating zero: 16 bytes
constexpr int kApplicationIdOffset = 68;

} // namespace

WorkspaceFile::Kind WorkspaceFile::sniff(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Kind::Missing;
    // Not even opened unless it is a regular file: reading a FIFO or a device could block.
    if (!info.isFile())
        return Kind::Unreadable;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Kind::Unreadable;
    const QByteArray header = file.read(kHeaderSize);
    if (file.error() != QFileDevice::NoError)
        return Kind::Unreadable;
    if (header.isEmpty())
        return Kind::Empty;
    if (header.size() < kHeaderSize || !header.startsWith(QByteArray(kMagic, sizeof kMagic)))
        return Kind::NotSqlite;
    const quint32 applicationId =
        qFromBigEndian<quint32>(header.constData() + kApplicationIdOffset);
    return applicationId == quint32(Schema::applicationId()) ? Kind::TrhealthWorkspace
                                                             : Kind::OtherSqlite;
}

} // namespace trh
