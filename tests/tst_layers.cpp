// The layers of models/ (docs/architecture.md): each folder includes only the folders below
// it, so the core never depends on a use case, the importer never on the analysis, and no
// cycle can grow back. An include against the direction fails here, naming the file and line.
// (Widgets cannot be included at all: the models library does not link Qt Widgets.)
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// What each layer may include besides itself.
const QHash<QString, QSet<QString>> &allowed()
{
    static const QHash<QString, QSet<QString>> layers{
        {QStringLiteral("core"), {}},
        {QStringLiteral("store"), {QStringLiteral("core")}},
        {QStringLiteral("demo"), {QStringLiteral("core")}},
        {QStringLiteral("import"), {QStringLiteral("core"), QStringLiteral("store")}},
        {QStringLiteral("analysis"), {QStringLiteral("core"), QStringLiteral("store")}},
        {QStringLiteral("views"),
         {QStringLiteral("core"), QStringLiteral("store"), QStringLiteral("analysis")}},
        {QStringLiteral("snapshotfile"),
         {QStringLiteral("core"), QStringLiteral("store"), QStringLiteral("analysis")}},
        {QStringLiteral("report"),
         {QStringLiteral("core"), QStringLiteral("store"), QStringLiteral("analysis"),
          QStringLiteral("views")}},
        {QStringLiteral("fetch"),
         {QStringLiteral("core"), QStringLiteral("store"), QStringLiteral("import"),
          QStringLiteral("analysis")}},
        {QStringLiteral("workspace"),
         {QStringLiteral("core"), QStringLiteral("store"), QStringLiteral("demo"),
          QStringLiteral("import"), QStringLiteral("analysis"), QStringLiteral("views"),
          QStringLiteral("snapshotfile"), QStringLiteral("report"), QStringLiteral("fetch")}},
    };
    return layers;
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT

private slots:
    void everyFolderIsALayer()
    {
        QDirIterator it(QStringLiteral(TRHEALTH_MODELS_DIR), QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList unknown;
        while (it.hasNext()) {
            it.next();
            if (!allowed().contains(it.fileName()))
                unknown << it.fileName();
        }
        QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("folders of models/ without a "
                                                              "place among the layers: ") +
                                               unknown.join(QStringLiteral(", "))));
    }

    void includesFollowTheLayers()
    {
        static const QRegularExpression include(
            QStringLiteral("^\\s*#\\s*include\\s+\"([A-Za-z_]+)/[^\"]+\""));
        const QString root = QStringLiteral(TRHEALTH_MODELS_DIR);
        QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList against;
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size() + 1);
            const QString layer = relative.section(QLatin1Char('/'), 0, 0);
            if (!allowed().contains(layer))
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            int line = 0;
            while (!f.atEnd()) {
                ++line;
                const QRegularExpressionMatch m = include.match(QString::fromUtf8(f.readLine()));
                if (!m.hasMatch())
                    continue;
                const QString target = m.captured(1);
                if (target != layer && allowed().contains(target) &&
                    !allowed().value(layer).contains(target))
                    against << QStringLiteral("models/%1:%2 includes %3/ (%4 may use: %5)")
                                   .arg(relative)
                                   .arg(line)
                                   .arg(target, layer,
                                        QStringList(allowed().value(layer).values())
                                            .join(QStringLiteral(", ")));
            }
        }
        QVERIFY(files > 100);
        QVERIFY2(against.isEmpty(), qPrintable(against.join(QLatin1Char('\n'))));
    }

    // The front ends (ui/, app/) reach the workspace only through models/workspace/ and the
    // view models: no file there includes the store, names a connection or a statement, or
    // holds SQL. (SQL keywords are looked for in upper case, the way this project writes
    // them; comments are skipped.)
    void frontEndsRunNoSql()
    {
        static const QRegularExpression forbidden(QStringLiteral(
            "#\\s*include\\s*[<\"](store/|QSql|QtSql)|\\b(Database|Statement|QSqlDatabase|"
            "QSqlQuery)\\b|\\bStore::|\\bsqlite3_|\\b(SELECT|INSERT|UPDATE|DELETE|CREATE|"
            "PRAGMA|JOIN|WHERE)\\s"));
        const QDir top(QStringLiteral(TRHEALTH_MODELS_DIR "/.."));
        QStringList found;
        int files = 0;
        for (const QString &frontEnd : {QStringLiteral("ui"), QStringLiteral("app")}) {
            QDirIterator it(top.filePath(frontEnd),
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                ++files;
                int line = 0;
                while (!f.atEnd()) {
                    ++line;
                    const QString text = QString::fromUtf8(f.readLine());
                    if (text.trimmed().startsWith(QLatin1String("//")))
                        continue;
                    if (const auto m = forbidden.match(text); m.hasMatch())
                        found << QStringLiteral("%1:%2: %3")
                                     .arg(top.relativeFilePath(path))
                                     .arg(line)
                                     .arg(m.captured(0).trimmed());
                }
            }
        }
        QVERIFY(files > 50);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
