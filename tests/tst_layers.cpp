// The layers of models/ (docs/architecture.md): each folder includes only the folders below
// it, so the core never depends on a use case, the importer never on the analysis, and no
// cycle can grow back. An include against the direction fails here, naming the file and line.
// (Widgets cannot be included at all: the models library does not link Qt Widgets.)
// Each layer is also its own static library, trhealth_<layer>, from models/<layer>/
// CMakeLists.txt: its DEPENDS must be the same table, and its SOURCES every file of the folder.
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <utility>
#include <vector>

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

// The arguments of trhealth_add_layer() in models/<layer>/CMakeLists.txt, by keyword, and the
// other words of the file (to catch a trhealth_ target linked around DEPENDS).
struct LayerTarget
{
    QHash<QString, QStringList> arguments;
    QStringList otherWords;
    QString error;
};

LayerTarget readLayerTarget(const QString &layer)
{
    LayerTarget target;
    QFile f(QStringLiteral(TRHEALTH_MODELS_DIR "/") + layer + QStringLiteral("/CMakeLists.txt"));
    if (!f.open(QIODevice::ReadOnly)) {
        target.error = f.fileName() + QStringLiteral(": ") + f.errorString();
        return target;
    }
    static const QRegularExpression comment(QStringLiteral("#[^\\n]*"));
    static const QRegularExpression separators(QStringLiteral("[\\s()]+"));
    const QStringList words =
        QString::fromUtf8(f.readAll()).remove(comment).split(separators, Qt::SkipEmptyParts);
    static const QSet<QString> keywords{
        QStringLiteral("NAME"),         QStringLiteral("SOURCES"),
        QStringLiteral("DEPENDS"),      QStringLiteral("PUBLIC_LIBS"),
        QStringLiteral("PRIVATE_LIBS"), QStringLiteral("SYSTEM_INCLUDES"),
        QStringLiteral("RESOURCES")};
    const qsizetype start = words.indexOf(QStringLiteral("trhealth_add_layer"));
    if (start < 0) {
        target.error = f.fileName() + QStringLiteral(" does not call trhealth_add_layer()");
        return target;
    }
    target.otherWords = words.mid(0, start);
    QString keyword;
    for (qsizetype i = start + 1; i < words.size(); ++i) {
        if (keywords.contains(words[i])) {
            keyword = words[i];
            target.arguments[keyword];
        } else if (!keyword.isEmpty()) {
            target.arguments[keyword] << words[i];
        } else {
            target.otherWords << words[i];
        }
    }
    return target;
}

// The targets of all layers, sorted by layer; a layer whose target cannot be read goes to *wrong.
std::vector<std::pair<QString, LayerTarget>> readLayerTargets(QStringList *wrong)
{
    QStringList layers = allowed().keys();
    layers.sort();
    std::vector<std::pair<QString, LayerTarget>> targets;
    for (const QString &layer : layers) {
        LayerTarget target = readLayerTarget(layer);
        if (target.error.isEmpty())
            targets.emplace_back(layer, std::move(target));
        else
            *wrong << target.error;
    }
    return targets;
}

QStringList duplicatesIn(const QStringList &list)
{
    QStringList duplicates;
    QSet<QString> seen;
    for (const QString &item : list)
        if (seen.contains(item))
            duplicates << item;
        else
            seen.insert(item);
    return duplicates;
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

    // Static libraries link even when a layer calls one above it, so the link order alone
    // would not catch an upward dependency: the DEPENDS of each layer's target are checked
    // here against the table, and no other trhealth_ target may be linked around them.
    void targetsLinkTheAllowedLayers()
    {
        QStringList wrong;
        for (const auto &[layer, target] : readLayerTargets(&wrong)) {
            const QStringList name = target.arguments.value(QStringLiteral("NAME"));
            if (name != QStringList{layer})
                wrong << QStringLiteral("models/%1/CMakeLists.txt: NAME is \"%2\"")
                             .arg(layer, name.join(QLatin1Char(' ')));
            const QStringList depends = target.arguments.value(QStringLiteral("DEPENDS"));
            const QSet<QString> dependSet(depends.cbegin(), depends.cend());
            const QSet<QString> below = allowed().value(layer);
            if (dependSet != below || !duplicatesIn(depends).isEmpty()) {
                QStringList expected(below.cbegin(), below.cend());
                expected.sort();
                wrong << QStringLiteral("models/%1/CMakeLists.txt: DEPENDS %2, the layers "
                                        "allow: %3")
                             .arg(layer, depends.join(QLatin1Char(' ')),
                                  expected.join(QLatin1Char(' ')));
            }
            QStringList around;
            for (const auto &words : target.arguments)
                for (const QString &word : words)
                    if (word.contains(QLatin1String("trhealth_")))
                        around << word;
            for (const QString &word : target.otherWords)
                if (word.contains(QLatin1String("trhealth_")))
                    around << word;
            if (!around.isEmpty())
                wrong << QStringLiteral("models/%1/CMakeLists.txt names %2 outside DEPENDS")
                             .arg(layer, around.join(QStringLiteral(", ")));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    // Each layer lists its files (no glob): every .cpp and .h of the folder, its subfolders
    // included, once and in alphabetical order, and nothing that is not there.
    void targetsListEveryFile()
    {
        QStringList wrong;
        int files = 0;
        for (const auto &[layer, target] : readLayerTargets(&wrong)) {
            const QStringList listed = target.arguments.value(QStringLiteral("SOURCES"));
            const QString folder = QStringLiteral(TRHEALTH_MODELS_DIR "/") + layer;
            QDirIterator found(folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")},
                               QDir::Files, QDirIterator::Subdirectories);
            QSet<QString> present;
            while (found.hasNext())
                present.insert(found.next().mid(folder.size() + 1));
            files += int(present.size());
            const QSet<QString> listedSet(listed.cbegin(), listed.cend());
            QStringList inFolder(present.cbegin(), present.cend());
            inFolder.sort();
            for (const QString &file : inFolder)
                if (!listedSet.contains(file))
                    wrong << QStringLiteral("models/%1/%2 is not in the SOURCES of "
                                            "models/%1/CMakeLists.txt")
                                 .arg(layer, file);
            for (const QString &file : listed)
                if (!present.contains(file))
                    wrong << QStringLiteral("models/%1/CMakeLists.txt lists %2, which is not a "
                                            ".cpp or .h file of models/%1/")
                                 .arg(layer, file);
            for (const QString &file : duplicatesIn(listed))
                wrong << QStringLiteral("models/%1/CMakeLists.txt lists %2 twice").arg(layer, file);
            QStringList sorted = listed;
            sorted.sort(Qt::CaseSensitive);
            if (sorted != listed)
                wrong << QStringLiteral("models/%1/CMakeLists.txt: the SOURCES are not in "
                                        "alphabetical order")
                             .arg(layer);
        }
        QVERIFY(files > 100);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
