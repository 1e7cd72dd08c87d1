import Csqlite3

/// The system's SQLite (Debian's libsqlite3), through the few calls the data export makes: this is
/// the one file that imports `Csqlite3`, so the rest of the project sees Swift values only. The
/// system library rather than GRDB: the export needs a handful of calls, and GRDB added minutes to
/// a clean build.
final class SQLiteDatabase {
    struct Error: Swift.Error, CustomStringConvertible {
        var description: String
    }

    /// A value bound to a statement's parameter.
    enum Value {
        case int(Int)
        case double(Double)
        case text(String)
        case null

        init(_ value: String?) { self = value.map { .text($0) } ?? .null }
        init(_ value: Int?) { self = value.map { .int($0) } ?? .null }
        init(_ value: Double?) { self = value.map { .double($0) } ?? .null }
    }

    private var handle: OpaquePointer?
    private let path: String

    /// Opens the database at `path`, creating it when there is none.
    init(path: String) throws {
        self.path = path
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw Error(description: "cannot open \(path): \(message)")
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// The version of the SQLite the program runs against, e.g. `3.40.1`.
    static var version: String { String(cString: sqlite3_libversion()) }

    /// Runs one or more statements that take no parameters.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw Error(description: "\(path): \(message.map { String(cString: $0) } ?? "error"): \(sql.prefix(80))")
        }
    }

    /// A statement compiled once and run for many rows.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Error(description: "\(path): \(String(cString: sqlite3_errmsg(handle))): \(sql.prefix(80))")
        }
        return Statement(statement, database: self)
    }

    fileprivate var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        /// SQLITE_TRANSIENT: SQLite copies a bound text before the call returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        /// Runs the statement once with `values` bound to its parameters in order.
        func run(_ values: Value...) throws {
            try run(values)
        }

        func run(_ values: [Value]) throws {
            sqlite3_reset(statement)
            for (i, value) in values.enumerated() {
                let index = Int32(i + 1)
                let status: Int32
                switch value {
                case .int(let v): status = sqlite3_bind_int64(statement, index, Int64(v))
                case .double(let v): status = sqlite3_bind_double(statement, index, v)
                case .null: status = sqlite3_bind_null(statement, index)
                case .text(var v):
                    status = v.withUTF8 { bytes in
                        guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
                        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                            sqlite3_bind_text(statement, index, $0, Int32(bytes.count), Self.transient)
                        }
                    }
                }
                guard status == SQLITE_OK else { throw Error(description: "binding parameter \(index): \(database.lastError)") }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw Error(description: database.lastError) }
        }
    }
}
