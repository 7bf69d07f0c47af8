#include "DialogSeam.h"

#include <QFileDialog>

#include <utility>

namespace trh {
namespace {

QString &nextSaveFileName()
{
    static QString name;
    return name;
}

QStringList &nextOpenFileNames()
{
    static QStringList names;
    return names;
}

QList<qint64> &nextSnapshotChoice()
{
    static QList<qint64> ids;
    return ids;
}

bool &autoAccept()
{
    static bool on = false;
    return on;
}

} // namespace

void DialogSeam::setNextSaveFileName(const QString &fileName)
{
    nextSaveFileName() = fileName;
}

QString DialogSeam::takeNextSaveFileName()
{
    return std::exchange(nextSaveFileName(), QString());
}

void DialogSeam::setNextOpenFileNames(const QStringList &fileNames)
{
    nextOpenFileNames() = fileNames;
}

QStringList DialogSeam::takeNextOpenFileNames()
{
    return std::exchange(nextOpenFileNames(), QStringList());
}

void DialogSeam::setNextSnapshotChoice(const QList<qint64> &ids)
{
    nextSnapshotChoice() = ids;
}

QList<qint64> DialogSeam::takeNextSnapshotChoice()
{
    return std::exchange(nextSnapshotChoice(), QList<qint64>());
}

void DialogSeam::setAutoAcceptImport(bool on)
{
    autoAccept() = on;
}

bool DialogSeam::autoAcceptImport()
{
    return autoAccept();
}

QStringList DialogSeam::getOpenFileNames(QWidget *parent, const QString &caption,
                                         const QString &dir, const QString &filter)
{
    const QStringList preset = takeNextOpenFileNames();
    return !preset.isEmpty() ? preset : QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString DialogSeam::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    const QString preset = takeNextSaveFileName();
    return !preset.isEmpty() ? preset : QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

QString DialogSeam::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    const QStringList preset = takeNextOpenFileNames();
    return !preset.isEmpty() ? preset.constFirst()
                             : QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

} // namespace trh
