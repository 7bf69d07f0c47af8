#include "DialogSeam.h"

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

} // namespace trh
