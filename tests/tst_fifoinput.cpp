// An input that is (or becomes) a FIFO never makes an import wait (issue 16, item 6): inputs
// are opened without blocking and the opened file is checked, not the name, so a file
// replaced by a FIFO after the import started is refused like any bad input, at once, and
// the workspace's lock is let go.
#include "TestSupport.h"
#include "import/DatasetMapping.h"
#include "import/ImportPreview.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

using namespace trh;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

bool makeFifo(const QString &path)
{
    return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
}

// Lets a reader blocked on the FIFO go (a writer opens and closes it), so that a failing test
// ends instead of hanging.
void release(const QString &fifo)
{
    const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0)
        ::close(fd);
}

} // namespace

class TestFifoInput : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void aFifoIsRefusedAtOnce()
    {
        QVERIFY(m_dir.isValid());
        const QString fifo = m_dir.filePath(s("Tanium Driver Version.csv"));
        QVERIFY(makeFifo(fifo));
        const test::CliResult r =
            test::runCli({s("import"), s("--db"), m_dir.filePath(s("a.trdb")), fifo}, 20000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("a FIFO (named pipe), not a regular file"), r.err.constData());
        const std::vector<FilePreview> preview = previewFiles({fifo}, DatasetMapping::builtIn());
        QCOMPARE(preview.size(), size_t(1));
        QVERIFY2(preview.front().error.contains(s("a FIFO")), qPrintable(preview.front().error));
    }

    void aFileReplacedByAFifoDuringTheImport()
    {
        // A large first file keeps the import busy; the second is a regular file when the
        // import checks the names, and a FIFO by the time it is opened.
        QByteArray big = "Computer Name,Tanium Driver Version,Count\r\n";
        for (int i = 0; i < 200000; ++i)
            big += "WIN-" + QByteArray::number(i) + ",1.2.0,1\r\n";
        const QString first = m_dir.filePath(s("Tanium Driver Version.csv"));
        QFile::remove(first);
        QVERIFY(test::writeFile(first, big));
        const QString second = m_dir.filePath(s("Tanium Driver Status.csv"));
        QVERIFY(test::writeFile(second, "Computer Name,Tanium Driver Status,Count\r\n"
                                        "WIN-1,Running,1\r\n"));
        const QString fifo = m_dir.filePath(s("pipe"));
        QVERIFY(makeFifo(fifo));
        const QString db = m_dir.filePath(s("b.trdb"));
        {
            Database d;
            QVERIFY(Store::open(d, db, Store::OpenMode::CreateOrUpgrade).ok());
        }
        auto swapped = std::make_shared<std::atomic<bool>>(false);
        ImportOptions options;
        options.progress = [&, swapped](std::int64_t, std::int64_t) {
            if (!swapped->exchange(true))
                ::rename(QFile::encodeName(fifo).constData(),
                         QFile::encodeName(second).constData());
            return true;
        };
        auto done = std::async(std::launch::async, [&] {
            Database d;
            if (!Store::open(d, db, Store::OpenMode::Existing).ok())
                return ImportResult();
            return workspace::importFiles(d, {first, second}, options);
        });
        const bool finished = done.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
        if (!finished)
            release(second);
        QVERIFY2(finished, "the import waited on the FIFO");
        const ImportResult result = done.get();
        QVERIFY(swapped->load());
        QVERIFY(!result.ok());
        QVERIFY2(result.errors.join(s("\n")).contains(s("a FIFO (named pipe), not a regular file")),
                 qPrintable(result.errors.join(s("\n"))));
        // Nothing written, and the lock is free again.
        Database d;
        QVERIFY(Store::open(d, db, Store::OpenMode::Existing).ok());
        QCOMPARE(d.scalarInt("SELECT count(*) FROM snapshot"), std::optional<std::int64_t>(0));
        QVERIFY(d.exec("BEGIN IMMEDIATE; ROLLBACK"));
    }
};

QTEST_GUILESS_MAIN(TestFifoInput)
#include "tst_fifoinput.moc"
