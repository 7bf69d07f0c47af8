#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace trh {

class Statement;

// Thin RAII owner of one SQLite connection. The store talks to SQLite through its C API
// directly: import speed matters, and QSqlQuery/QVariant costs several times more per row.
// A connection is used only on the thread that opened it.
class Database final
{
public:
    enum class Mode
    {
        ReadWrite,
        ReadOnly,
        // Read-only and immutable: SQLite takes no locks and never writes a journal, WAL or
        // shared-memory file next to it. Only for files nothing else writes (snapshot files).
        Immutable
    };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    // Opens (and for ReadWrite creates) the file. Returns false and sets lastError() on failure.
    bool open(const QString &path, Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }
    // True when nothing can be written: opened read-only, or PRAGMA query_only is on.
    bool isReadOnly() const;

    // Runs one or more statements without results. False and lastError() on failure.
    bool exec(std::string_view sql);
    // Convenience for a single integer (first column of the first row); nullopt on error or no row.
    std::optional<std::int64_t> scalarInt(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    QString lastError() const { return m_error; }
    // SQLite's extended result code of the error in lastError() (SQLITE_OK if none was kept).
    int lastErrorCode() const { return m_errorCode; }
    void setError(const QString &error) { m_error = error; }
    // Fills lastError() from SQLite's message for the current connection.
    void captureError(std::string_view context = {});

    // Interrupts the statement running on this connection (callable from any thread).
    void interrupt();

    // Attaches the database file at path read-only as schema `name` (immutable: a file
    // nothing else writes, opened without locks or journal files, as Mode::Immutable).
    bool attachReadOnly(const QString &path, std::string_view name, bool immutable);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_error;
    int m_errorCode = 0;
};

// A prepared statement bound to one Database. Binding again after step() resets it, whether
// it ran to the end or stopped on a row.
class Statement final
{
public:
    Statement() = default;
    Statement(Database &db, std::string_view sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    bool isValid() const { return m_stmt != nullptr; }
    // The SQLite error text if preparation failed.
    const QString &error() const { return m_error; }
    int errorCode() const { return m_errorCode; } // SQLite's extended code of error()

    // Binding (1-based indexes, like SQLite). Text is copied by SQLite (SQLITE_TRANSIENT)
    // unless bindStatic is used, whose memory must outlive the next step().
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    // Any other integer type (qint64 is long long, std::int64_t is long on Linux).
    template<typename T,
             std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, std::int64_t> &&
                                  !std::is_same_v<T, int> && !std::is_same_v<T, bool>,
                              int> = 0>
    Statement &bind(int index, T value)
    {
        return bind(index, static_cast<std::int64_t>(value));
    }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const QString &text);
    Statement &bindStatic(int index, std::string_view text);
    Statement &bindNull(int index);
    Statement &bind(int index, std::optional<std::int64_t> value);

    // Steps once: true if a row is available. Use done()/ok() to tell end from error.
    bool step();
    // Steps a statement that returns no rows; true on success. Resets afterwards.
    bool run();
    void reset();
    bool ok() const { return m_ok; }

    // Parameters: how many (the largest index), and the name of one with its prefix
    // (":name"), nullptr for a nameless "?".
    int parameterCount() const;
    const char *parameterName(int index) const;

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view textView(int column) const;
    QString text(int column) const;
    std::optional<std::int64_t> optInt(int column) const;
    std::optional<double> optReal(int column) const;
    // The column with its own type: NULL is an invalid QVariant, INTEGER a qlonglong, REAL a
    // double, TEXT a QString, BLOB a QByteArray. For code that shows values it did not choose.
    QVariant value(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
    QString m_error;
    int m_errorCode = 0;
    bool m_ok = true;
    bool m_needsReset = false; // stepped to the end (or failed)
    bool m_running = false;    // stopped on a row
    void resetIfNeeded();
};

// Runs a transaction: BEGIN IMMEDIATE in the constructor, ROLLBACK unless commit() succeeded.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool isActive() const { return m_active; }
    bool commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace trh
