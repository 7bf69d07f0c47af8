#include "TestSupport.h"
#include "analysis/FindingCatalog.h"
#include "analysis/Summary.h"
#include "core/ValueClass.h"
#include "import/DatasetMapping.h"
#include "import/Importer.h"
#include "store/Database.h"
#include "store/Store.h"
#include "workspace/WorkspaceImport.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace trh;

// The project's own documentation, docs/health-rules.md and docs/input-formats.md, kept in
// step with the code: every finding code of the catalogue (with its severity), every key of a
// real `summary --json` document, every kind of JSON file the importer tells apart, every
// dataset and answer class, and --lenient must be in them.
class TestDocs : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Database m_db;
    QString m_rules, m_formats;        // the two documents
    QList<QJsonObject> m_summaries;    // of the test fleet, and of an aggregate export
    QStringList m_reportedJsonFormats; // format names the import reports for JSON files

    static QString doc(const char *name)
    {
        return QString::fromUtf8(
            test::readAll(QDir(QStringLiteral(TRHEALTH_DOCS_DIR)).filePath(QLatin1String(name))));
    }

    // Whether `word` stands in backticks in `text`, as the documents write codes, keys and names.
    static bool mentions(const QString &text, const QString &word)
    {
        return text.contains(QLatin1Char('`') + word + QLatin1Char('`'));
    }

    // Every object key of a JSON value, at any depth. The keys of `by_tool` are tool names
    // taken from the answers (data, not contract); the keys inside each tool are contract.
    static void collectKeys(const QJsonValue &value, const QString &parentKey, QSet<QString> *out)
    {
        if (value.isArray()) {
            for (const QJsonValue &element : value.toArray())
                collectKeys(element, parentKey, out);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (parentKey != QLatin1String("by_tool"))
                out->insert(it.key());
            collectKeys(it.value(), it.key(), out);
        }
    }

    // The enumerators of `enum class JsonKind` as declared in models/import/JsonReaders.h.
    static QStringList jsonKinds()
    {
        const QString header = QString::fromUtf8(test::readAll(
            QDir(QStringLiteral(TRHEALTH_IMPORT_DIR)).filePath(QStringLiteral("JsonReaders.h"))));
        const qsizetype start = header.indexOf(QStringLiteral("enum class JsonKind"));
        const qsizetype open = header.indexOf(QLatin1Char('{'), start);
        const qsizetype close = header.indexOf(QStringLiteral("};"), open);
        if (start < 0 || open < 0 || close < 0)
            return {};
        QStringList kinds;
        static const QRegularExpression name(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)"));
        for (QString line : header.mid(open + 1, close - open - 1).split(QLatin1Char('\n'))) {
            line = line.left(line.indexOf(QStringLiteral("//")));
            for (const QString &part : line.split(QLatin1Char(','))) {
                const QRegularExpressionMatch m = name.match(part);
                if (m.hasMatch())
                    kinds << m.captured(1);
            }
        }
        return kinds;
    }

    // How input-formats.md names each kind: the format name of the import report, or, for
    // Unknown, the refusal. A new JsonKind must be described there and added here.
    static QString formatNameOf(const QString &kind)
    {
        static const QHash<QString, QString> names = {
            {QStringLiteral("Unknown"), QStringLiteral("unknown JSON layout")},
            {QStringLiteral("RestResultData"), QStringLiteral("REST API v2 result_data JSON")},
            {QStringLiteral("GatewayEndpoints"), QStringLiteral("API Gateway endpoints JSON")},
            {QStringLiteral("Alerts"), QStringLiteral("Threat Response alerts JSON")},
            {QStringLiteral("Profiles"), QStringLiteral("Threat Response profiles JSON")},
            {QStringLiteral("ConnectRecords"), QStringLiteral("Tanium Connect JSON records")},
        };
        return names.value(kind);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_rules = doc("health-rules.md");
        m_formats = doc("input-formats.md");
        QVERIFY2(!m_rules.isEmpty(), TRHEALTH_DOCS_DIR "/health-rules.md");
        QVERIFY2(!m_formats.isEmpty(), TRHEALTH_DOCS_DIR "/input-formats.md");

        QVERIFY(m_dir.isValid());
        QVERIFY(Store::open(m_db, m_dir.filePath(QStringLiteral("docs.trdb")),
                            Store::OpenMode::CreateOrUpgrade)
                    .ok());
        // The ten-endpoint fleet in every format, then an aggregate export (no Computer Name),
        // whose findings carry aggregate_endpoints.
        const ImportResult fleet = workspace::importFiles(m_db, test::fleetFiles());
        QVERIFY2(fleet.ok(), qPrintable(fleet.errors.join(QLatin1Char('\n'))));
        for (const FileImportReport &f : fleet.files) {
            if (!f.format.startsWith(QLatin1String("console CSV")))
                m_reportedJsonFormats << f.format;
        }
        const QString aggregate =
            m_dir.filePath(QStringLiteral("Client Extensions - Status aggregate.csv"));
        QVERIFY(test::writeFile(aggregate, "Domain,Key,Value,Count\r\n"
                                           "\"threatresponse\nrecorder\",\"health_check\n"
                                           "health_check\",\"ok\ndisk full\",12\r\n"));
        const ImportResult counts = workspace::importFiles(m_db, {aggregate});
        QVERIFY2(counts.ok(), qPrintable(counts.errors.join(QLatin1Char('\n'))));

        for (const std::int64_t id : {fleet.snapshotId, counts.snapshotId}) {
            QString error;
            const auto summary = Summary::build(m_db, id, QString(), &error);
            QVERIFY2(summary, qPrintable(error));
            m_summaries << *summary;
        }
    }

    void everyFindingCodeIsDocumentedWithItsSeverity()
    {
        QStringList missing, wrongSeverity;
        const QStringList lines = m_rules.split(QLatin1Char('\n'));
        for (const FindingKind &kind : findingCatalog()) {
            const QString code = QString::fromLatin1(kind.code);
            if (!mentions(m_rules, code)) {
                missing << code;
                continue;
            }
            // The catalogue table gives the severity on the code's own line.
            const QRegularExpression severity(
                QStringLiteral("\\b%1\\b").arg(QLatin1String(severityKey(kind.severity))));
            const bool found = std::any_of(lines.begin(), lines.end(), [&](const QString &line) {
                return mentions(line, code) && line.contains(severity);
            });
            if (!found)
                wrongSeverity << QStringLiteral("%1 (%2)").arg(
                    code, QLatin1String(severityKey(kind.severity)));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("health-rules.md does not name: ") +
                                               missing.join(QStringLiteral(", "))));
        QVERIFY2(wrongSeverity.isEmpty(),
                 qPrintable(QStringLiteral("health-rules.md has no line with the code and its "
                                           "severity: ") +
                            wrongSeverity.join(QStringLiteral(", "))));
    }

    void everySummaryKeyIsDocumented()
    {
        QSet<QString> keys;
        for (const QJsonObject &summary : std::as_const(m_summaries))
            collectKeys(summary, QString(), &keys);
        // The walk reached the nested levels and the optional keys.
        for (const char *expected :
             {"schema", "complete", "by_platform", "p90", "not_installed", "aggregate_endpoints"})
            QVERIFY2(keys.contains(QLatin1String(expected)), expected);

        QStringList missing;
        for (const QString &key : std::as_const(keys)) {
            if (!mentions(m_rules, key))
                missing << key;
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("health-rules.md does not name these summary keys: ") +
                            missing.join(QStringLiteral(", "))));
        // The contract's version, as the program writes it.
        const QString schema = m_summaries.first().value(QStringLiteral("schema")).toString();
        QVERIFY2(mentions(m_rules, QStringLiteral("\"%1\"").arg(schema)), qPrintable(schema));
    }

    void everyJsonKindIsDocumented()
    {
        const QStringList kinds = jsonKinds();
        QVERIFY2(kinds.contains(QStringLiteral("Unknown")) && kinds.size() >= 5,
                 qPrintable(kinds.join(QStringLiteral(", "))));
        QStringList names;
        for (const QString &kind : kinds) {
            const QString name = formatNameOf(kind);
            QVERIFY2(!name.isEmpty(),
                     qPrintable(QStringLiteral("JsonKind::%1 is new: describe it in "
                                               "docs/input-formats.md and add its name to "
                                               "tst_docs.cpp")
                                    .arg(kind)));
            QVERIFY2(mentions(m_formats, name),
                     qPrintable(QStringLiteral("input-formats.md does not name `%1` (JsonKind::%2)")
                                    .arg(name, kind)));
            names << name;
        }
        // The names are the ones the import report really prints.
        QVERIFY(!m_reportedJsonFormats.isEmpty());
        for (const QString &format : std::as_const(m_reportedJsonFormats)) {
            QVERIFY2(names.contains(format), qPrintable(format));
        }
    }

    void everyDatasetAndAnswerClassIsDocumented()
    {
        QStringList missing;
        for (const QString &dataset : DatasetMapping::builtIn().datasetNames()) {
            if (!mentions(m_formats, dataset))
                missing << dataset;
        }
        for (int c = 0; c < ValueClassCount; ++c) {
            const std::string_view name = valueClassName(ValueClass(c));
            const QString text = QString::fromLatin1(name.data(), qsizetype(name.size()));
            if (!mentions(m_formats, text) || !mentions(m_rules, text))
                missing << text;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not documented: ") +
                                               missing.join(QStringLiteral(", "))));
    }

    void theRefusalsAndLenientAreDocumented()
    {
        QVERIFY(mentions(m_formats, QStringLiteral("--lenient")));
        QVERIFY(m_formats.contains(QStringLiteral("lenient")));
        QVERIFY(mentions(m_rules, QStringLiteral("complete")));
        // The sections that comments and other tests point to.
        for (const char *heading :
             {"## 11. What is refused", "### Damaged CSV", "### `--lenient`", "### Nothing usable"})
            QVERIFY2(m_formats.contains(QLatin1String(heading)), heading);
        for (const char *heading :
             {"## Endpoints", "## Special answers", "### The row rule",
              "## Alerts: mean time to investigate / remediate", "## Coverage"})
            QVERIFY2(m_rules.contains(QLatin1String(heading)), heading);
    }
};

QTEST_MAIN(TestDocs)
#include "tst_docs.moc"
