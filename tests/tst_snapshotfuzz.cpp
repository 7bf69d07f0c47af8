#include "TestSupport.h"
#include "analysis/Summary.h"
#include "snapshotfile/SnapshotFile.h"
#include "store/Database.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace trh;
using namespace trh::test;

// Mutated copies of a valid snapshot file fed to the open path (and, when a copy passes the
// checks, to the summary): each is either refused with a one-line message or read; none
// crashes. Meant to run under AddressSanitizer too.
class TestSnapshotFuzz : public QObject
{
    Q_OBJECT
private slots:
    void mutatedCopiesNeverCrash()
    {
        QTemporaryDir dir;
        const QString workspace = dir.filePath(QStringLiteral("w.trdb"));
        QVERIFY(createFleetWorkspace(workspace));
        const QString good = dir.filePath(QStringLiteral("good.trhealth"));
        const auto exported = SnapshotFile::exportSnapshots(workspace, {1}, good);
        QVERIFY2(exported.ok, qPrintable(exported.error));
        const QByteArray original = readAll(good);
        QVERIFY(original.size() > 4096);
        QVERIFY(SnapshotFile::verify(good).ok());

        QRandomGenerator rng(20261128);
        const QString path = dir.filePath(QStringLiteral("mutant.trhealth"));
        int refused = 0, opened = 0;
        for (int round = 0; round < 300; ++round) {
            QByteArray bytes = original;
            const int kind = round % 4;
            const int flips = 1 + int(rng.bounded(8));
            for (int i = 0; i < flips; ++i) {
                // Header flips, flips anywhere, flips in the schema page, whole bytes.
                const qsizetype at = kind == 0   ? qsizetype(rng.bounded(100))
                                     : kind == 2 ? qsizetype(rng.bounded(4096))
                                                 : qsizetype(rng.bounded(int(bytes.size())));
                if (kind == 3)
                    bytes[at] = char(rng.bounded(256));
                else
                    bytes[at] = char(bytes[at] ^ (1 << rng.bounded(8)));
            }
            if (round % 25 == 24)
                bytes.truncate(qsizetype(rng.bounded(int(bytes.size()))));
            QVERIFY(writeFile(path, bytes));

            Database db;
            const Store::OpenResult r = SnapshotFile::openChecked(db, path);
            if (!r.ok()) {
                ++refused;
                QVERIFY(!r.error.isEmpty());
                QVERIFY2(!r.error.contains(u'\n'), qPrintable(r.error));
                continue;
            }
            ++opened;
            QString error;
            const auto summary = Summary::build(db, 1, QString(), &error);
            QVERIFY(summary || !error.isEmpty());
        }
        qInfo("%d mutants refused, %d opened", refused, opened);
        QCOMPARE(refused + opened, 300);
        QVERIFY(refused > 0);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotFuzz)
#include "tst_snapshotfuzz.moc"
