#include "core/ValueClass.h"

#include <QTest>

using namespace trh;

class TestValueClass : public QObject
{
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected");
        auto row = [](const char *text, ValueClass c) {
            QTest::newRow(text) << QByteArray(text) << int(c);
        };
        row("ok", ValueClass::Value);
        row("", ValueClass::Value);
        row("True", ValueClass::Value);
        row("Error in module", ValueClass::Value);
        row("[no results]", ValueClass::NoResults);
        row("[No Results]", ValueClass::NoResults);
        row("  [no results] ", ValueClass::NoResults);
        row("[current result unavailable]", ValueClass::Pending);
        row("[Current Results Unavailable]", ValueClass::Pending);
        row("[results currently unavailable]", ValueClass::Pending);
        row("[result currently unavailable]", ValueClass::Pending);
        row("[too many results]", ValueClass::TooMany);
        row("[hash collision detected]", ValueClass::Error);
        row("TSE-Error: sensor timed out", ValueClass::Error);
        row("tse-error: anything", ValueClass::Error);
        row("ERROR: bad", ValueClass::Error);
        row("TSE-Error: No Sensor Definition for this Platform", ValueClass::NotApplicable);
        row("[something else]", ValueClass::Value);
    }
    void classify()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        QCOMPARE(int(classifyValue(std::string_view(text.constData(), size_t(text.size())))),
                 expected);
    }
    void combine()
    {
        QCOMPARE(combineClasses(ValueClass::Value, ValueClass::Pending), ValueClass::Pending);
        QCOMPARE(combineClasses(ValueClass::Error, ValueClass::Pending), ValueClass::Pending);
        QCOMPARE(combineClasses(ValueClass::NoResults, ValueClass::Value), ValueClass::Value);
        QCOMPARE(combineClasses(ValueClass::TooMany, ValueClass::Value), ValueClass::TooMany);
        QCOMPARE(combineClasses(ValueClass::NotApplicable, ValueClass::NoResults),
                 ValueClass::NotApplicable);
        QVERIFY(isUnknown(ValueClass::Error));
        QVERIFY(!isUnknown(ValueClass::NotApplicable));
    }
};

QTEST_GUILESS_MAIN(TestValueClass)
#include "tst_valueclass.moc"
