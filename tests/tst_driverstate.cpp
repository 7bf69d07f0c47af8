#include "analysis/DriverState.h"

#include <QTest>

using namespace trh;

class TestDriverState : public QObject
{
    Q_OBJECT
private slots:
    void driver_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("cls");
        QTest::addColumn<bool>("answered");
        QTest::addColumn<QString>("expected");
        auto row = [](const char *name, const char *text, ValueClass c, bool answered,
                      const char *state) {
            QTest::newRow(name) << QByteArray(text) << int(c) << answered
                                << QString::fromLatin1(state);
        };
        row("running", "Service Status: SERVICE_RUNNING\nDriver install path: \\SystemRoot\\x.sys",
            ValueClass::Value, true, "running");
        row("running lower", "service status: service_running", ValueClass::Value, true, "running");
        row("stopped", "Service Status: SERVICE_STOPPED", ValueClass::Value, true,
            "service_not_running");
        row("not started", "Service Status: Not started", ValueClass::Value, true,
            "service_not_running");
        row("svc not installed", "Service Installation: Not installed", ValueClass::Value, true,
            "service_not_installed");
        row("driver not installed", "Driver Location: Not installed\nDriver Version N/A",
            ValueClass::Value, true, "driver_not_installed");
        row("version colon", "Driver Version: N/A", ValueClass::Value, true,
            "driver_not_installed");
        row("driver beats service", "Service Installation: Not installed\nDriver Version N/A",
            ValueClass::Value, true, "driver_not_installed");
        row("pending", "[current result unavailable]", ValueClass::Pending, true, "unknown");
        row("error", "TSE-Error: x", ValueClass::Error, true, "unknown");
        row("missing", "", ValueClass::NoResults, false, "unknown");
        row("other text", "something else", ValueClass::Value, true, "unknown");
    }
    void driver()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, cls);
        QFETCH(bool, answered);
        QFETCH(QString, expected);
        const DriverState s = classifyDriverStatus(
            std::string_view(text.constData(), size_t(text.size())), ValueClass(cls), answered);
        QCOMPARE(QString::fromLatin1(driverStateKey(s)), expected);
    }
    void bpf()
    {
        QCOMPARE(classifyBpf("True", "True"), BpfState::Core);
        QCOMPARE(classifyBpf("true", ""), BpfState::Core);
        QCOMPARE(classifyBpf("False", "True"), BpfState::BccOnly);
        QCOMPARE(classifyBpf("False", "False"), BpfState::Unsupported);
        QCOMPARE(classifyBpf("False", ""), BpfState::Unknown);
        QCOMPARE(classifyBpf("", "True"), BpfState::Unknown);
        QCOMPARE(classifyBpf("[current result unavailable]", "True"), BpfState::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestDriverState)
#include "tst_driverstate.moc"
