#include "Database.h"

#include <sqlite3.h>

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <cerrno>

#include <utility>

namespace trh {

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_error(std::move(other.m_error)), m_errorCode(other.m_errorCode)
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_error = std::move(other.m_error);
        m_errorCode = other.m_errorCode;
    }
    return *this;
}

namespace {

// A file: URI of path (percent-encoded, so '?' or '#' in a name stay part of the path).
QByteArray fileUri(const QString &path, const char *parameters)
{
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + parameters;
}

} // namespace

bool Database::open(const QString &path, Mode mode)
{
    // Memory statistics take a global mutex on every SQLite allocation; nothing reads them.
    // (Must happen before SQLite initialises; later calls are refused harmlessly.)
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    close();
    m_path = path;
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= mode == Mode::ReadWrite ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                                     : SQLITE_OPEN_READONLY;
    // URIs are understood (attachReadOnly needs them), so a file's own name is always given
    // as an absolute path, which never starts with "file:".
    flags |= SQLITE_OPEN_URI;
    QByteArray utf8 = path.isEmpty() || path == QLatin1String(":memory:")
                          ? path.toUtf8()
                          : QFileInfo(path).absoluteFilePath().toUtf8();
    if (mode == Mode::Immutable)
        utf8 = fileUri(path, "?immutable=1");
    const int rc = sqlite3_open_v2(utf8.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        m_error = QStringLiteral("%1: %2").arg(
            path, QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc)));
        close();
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    // Files can come from other people: never let a schema object run an SQL function
    // with side effects, and never load extensions.
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (mode == Mode::Immutable) {
        // Nothing is written to such a file, so no trigger has a reason to run.
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
        exec("PRAGMA cell_size_check = ON");
    }
    return true;
}

bool Database::attachReadOnly(const QString &path, std::string_view name, bool immutable)
{
    const QByteArray uri = fileUri(path, immutable ? "?immutable=1" : "?mode=ro");
    Statement st(*this, "ATTACH DATABASE ?1 AS " + std::string(name));
    st.bind(1, std::string_view(uri.constData(), size_t(uri.size())));
    if (st.run())
        return true;
    m_error = st.error();
    m_errorCode = st.errorCode();
    return false;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

namespace {

// SQLite's message for the connection's last error, saying plainly when the disk is full (and
// which folder): SQLITE_FULL, or an I/O error whose system error is ENOSPC (creating the
// WAL index on a full disk fails that way), must never read like a damaged file.
QString sqliteError(sqlite3 *db, const char *message = nullptr)
{
    const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    const int code = sqlite3_extended_errcode(db) & 0xff;
    if (code != SQLITE_FULL && !(code == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC))
        return text;
    const char *file = sqlite3_db_filename(db, "main");
    const QString folder =
        file && *file ? QFileInfo(QString::fromUtf8(file)).absolutePath() : QString();
    return folder.isEmpty() ? QStringLiteral("the disk is full (%1)").arg(text)
                            : QStringLiteral("the disk holding %1 is full (%2)")
                                  .arg(QDir::toNativeSeparators(folder), text);
}

} // namespace

bool Database::exec(std::string_view sql)
{
    if (!m_db) {
        m_error = QStringLiteral("database is not open");
        return false;
    }
    char *err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        m_error = sqliteError(m_db, err);
        m_errorCode = sqlite3_extended_errcode(m_db);
        sqlite3_free(err);
        return false;
    }
    return true;
}

std::optional<std::int64_t> Database::scalarInt(std::string_view sql)
{
    Statement st(*this, sql);
    if (!st.isValid() || !st.step()) {
        // No row is not an error; a failed step is (it used to leave lastError() empty).
        if (!st.error().isEmpty()) {
            m_error = st.error();
            m_errorCode = st.errorCode();
        }
        return std::nullopt;
    }
    return st.optInt(0);
}

bool Database::isReadOnly() const
{
    if (!m_db)
        return true;
    if (sqlite3_db_readonly(m_db, "main") == 1)
        return true;
    sqlite3_stmt *st = nullptr;
    bool queryOnly = false;
    if (sqlite3_prepare_v2(m_db, "PRAGMA query_only", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        queryOnly = sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    return queryOnly;
}

std::int64_t Database::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

int Database::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

void Database::captureError(std::string_view context)
{
    const QString msg = m_db ? sqliteError(m_db) : QStringLiteral("not open");
    m_errorCode = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_MISUSE;
    m_error = context.empty()
                  ? msg
                  : QStringLiteral("%1: %2").arg(
                        QString::fromUtf8(context.data(), qsizetype(context.size())), msg);
}

void Database::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

// ---------------------------------------------------------------------------------------

Statement::Statement(Database &db, std::string_view sql) : m_db(db.handle())
{
    if (!m_db) {
        m_error = QStringLiteral("database is not open");
        m_ok = false;
        return;
    }
    const int rc = sqlite3_prepare_v3(m_db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_error = sqliteError(m_db);
        m_errorCode = sqlite3_extended_errcode(m_db);
        m_ok = false;
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db),
      m_error(std::move(other.m_error)), m_errorCode(other.m_errorCode), m_ok(other.m_ok),
      m_needsReset(other.m_needsReset), m_running(other.m_running)
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
        m_error = std::move(other.m_error);
        m_errorCode = other.m_errorCode;
        m_ok = other.m_ok;
        m_needsReset = other.m_needsReset;
        m_running = other.m_running;
    }
    return *this;
}

void Statement::resetIfNeeded()
{
    // Binding needs a statement that is not running: one that finished, or one that
    // stopped on a row the caller did not read to the end.
    if ((m_needsReset || m_running) && m_stmt) {
        sqlite3_reset(m_stmt);
        m_needsReset = false;
        m_running = false;
    }
}

Statement &Statement::bind(int index, std::int64_t value)
{
    resetIfNeeded();
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    resetIfNeeded();
    if (m_stmt)
        sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    resetIfNeeded();
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return bind(index, std::string_view(utf8.constData(), size_t(utf8.size())));
}

Statement &Statement::bindStatic(int index, std::string_view text)
{
    resetIfNeeded();
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    resetIfNeeded();
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bind(int index, std::optional<std::int64_t> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    if (!m_stmt) {
        m_ok = false;
        return false;
    }
    if (m_needsReset) {
        sqlite3_reset(m_stmt);
        m_needsReset = false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_ok = true;
        m_running = true;
        return true;
    }
    m_running = false;
    m_needsReset = true;
    m_ok = rc == SQLITE_DONE;
    if (!m_ok) {
        m_error = sqliteError(m_db);
        m_errorCode = sqlite3_extended_errcode(m_db);
    }
    return false;
}

bool Statement::run()
{
    while (step()) {
    }
    m_needsReset = true;
    return m_ok;
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_needsReset = false;
    m_running = false;
}

int Statement::parameterCount() const
{
    return m_stmt ? sqlite3_bind_parameter_count(m_stmt) : 0;
}

const char *Statement::parameterName(int index) const
{
    return m_stmt ? sqlite3_bind_parameter_name(m_stmt, index) : nullptr;
}

int Statement::columnCount() const
{
    return m_stmt ? sqlite3_column_count(m_stmt) : 0;
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::textView(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column)));
}

QString Statement::text(int column) const
{
    const std::string_view v = textView(column);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

std::optional<std::int64_t> Statement::optInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<double> Statement::optReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB: {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return QVariant(QByteArray(p, sqlite3_column_bytes(m_stmt, column)));
    }
    default:
        return QVariant();
    }
}

// ---------------------------------------------------------------------------------------

Transaction::Transaction(Database &db) : m_db(db)
{
    m_active = m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!m_db.exec("COMMIT")) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (m_active) {
        const QString keep = m_db.lastError();
        m_db.exec("ROLLBACK");
        m_db.setError(keep);
        m_active = false;
    }
}

} // namespace trh
