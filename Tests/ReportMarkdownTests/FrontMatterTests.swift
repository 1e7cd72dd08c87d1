import Foundation
import ReportMarkdown
import TestSupport
import XCTest

/// Front matter must be YAML that any parser reads back to the same values, whatever the text holds.
final class FrontMatterTests: XCTestCase {
    func testExactOutputForTrickyValues() {
        let frontMatter = FrontMatter([
            ("id", "003-05"),
            ("title", .string("他说：\"#1\" --- a: b\n第二行\\ \t尾")),
            ("year", 2023),
            ("negative", .int(-7)),
            ("complete", false),
            ("period", .null),
            ("date", "2024-01-01"),
            ("looks_like_bool", "yes"),
            ("region", .map([("province", "广东省"), ("county", .null)])),
            ("topics", ["德育", "安全"]),
            ("empty_list", .list([])),
            ("empty_map", .map([])),
        ])
        XCTAssertSameBytes(frontMatter.yaml, #"""
            ---
            id: "003-05"
            title: "他说：\"#1\" --- a: b\n第二行\\ \t尾"
            year: 2023
            negative: -7
            complete: false
            period: null
            date: "2024-01-01"
            looks_like_bool: "yes"
            region:
              province: "广东省"
              county: null
            topics:
              - "德育"
              - "安全"
            empty_list: []
            empty_map: {}
            ---

            """#)
    }

    func testNestedCollectionsUseCompactBlockForm() {
        let frontMatter = FrontMatter([
            ("rows", .list([.list(["a", "b"]), .map([("k", 1), ("l", .list([true]))]), .list([]), "c"])),
        ])
        XCTAssertSameBytes(frontMatter.yaml, """
            ---
            rows:
              - - "a"
                - "b"
              - k: 1
                l:
                  - true
              - []
              - "c"
            ---

            """)
    }

    func testControlAndLineSeparatorCharactersAreEscaped() {
        // YAML forbids C0/C1 controls, BOM and U+FFFE/F in a stream, and YAML 1.1 breaks lines at U+0085/2028/2029.
        let yaml = FrontMatter([("t", .string("a\u{0}\u{1}\u{1B}\u{7F}\u{85}\u{9F}\u{A0}\u{2028}\u{2029}\u{FEFF}\u{FFFE}😀"))]).yaml
        XCTAssertSameBytes(yaml, "---\nt: \"a\\u0000\\u0001\\u001B\\u007F\\u0085\\u009F\u{A0}\\u2028\\u2029\\uFEFF\\uFFFE😀\"\n---\n")
    }

    func testKeysAreBareOnlyWhenAParserCannotMisreadThem() {
        let yaml = FrontMatter([("snake_case-1", 1), ("on", 2), ("Yes", 3), ("null", 4), ("1st", 5), ("two words", 6),
                                ("标题", 7), ("", 8), ("a:b", 9)]).yaml
        XCTAssertSameBytes(yaml, """
            ---
            snake_case-1: 1
            "on": 2
            "Yes": 3
            "null": 4
            "1st": 5
            "two words": 6
            "标题": 7
            "": 8
            "a:b": 9
            ---

            """)
    }

    func testEmptyFrontMatterIsAnEmptyBlock() {
        XCTAssertSameBytes(FrontMatter([]).yaml, "---\n---\n")
    }

    // MARK: Round trip through a real YAML parser

    func testPyYAMLReadsBackEveryValue() throws {
        var cases: [FrontMatter] = [
            FrontMatter([]),
            FrontMatter([("a", "")]),
            FrontMatter([("on", true), ("off", false), ("y", .null), ("n", 0), ("Int_min", .int(Int.min)), ("Int_max", .int(Int.max))]),
            FrontMatter([("nested", .list([.list([.list(["deep"])]), .map([("m", .map([("x", .list([]))]))]), .map([])]))]),
        ]
        let tricky = [
            "yes", "No", "ON", "null", "Null", "~", "true", "2024-01-01", "2024-01-01 12:00:00", "0123", "0o17", "0x1F", "1e3",
            "1_000", ".inf", "-.inf", ".NaN", "12:30:00", "- x", "? x", ": x", "&anchor", "*alias", "!tag", "!!str", "%YAML 1.2",
            "@at", "`tick`", "| block", "> folded", "'single'", "\"double\"", "#comment", "key: value", "a #b", "---", "...",
            "--- x", "\t", " leading", "trailing ", "\n", "\n\n", "line\nline", "\r\n", "{a: 1}", "[1, 2]", "\\", "\\n", "\\u0041",
            "教育局“双减”工作：总结（2023）", "😀", "\u{0}\u{7}\u{8}\u{B}\u{C}\u{1B}", "\u{7F}\u{80}\u{85}\u{9F}", "\u{A0}",
            "\u{2028}\u{2029}", "\u{FEFF}", "\u{FFFD}\u{FFFE}\u{FFFF}", "e\u{301}",
        ]
        cases.append(FrontMatter(tricky.enumerated().map { ("k\($0.offset)", .string($0.element)) }))
        cases.append(FrontMatter([("list", .list(tricky.map { .string($0) })), ("map", .map(tricky.map { ($0, .string($0)) }))]))

        var generator = SeededGenerator(seed: 0xF40_0A77E)
        let pieces = ["a", "Z", "0", "9", " ", "  ", ":", "#", "-", "---", "\"", "'", "\\", "\n", "\r", "\t", "{", "}", "[", "]",
                      ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "教", "育", "“", "：", "\u{0}", "\u{85}", "\u{2028}", "😀"]
        func randomText() -> String {
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<300 {
            var fields: [(String, FrontMatter.Value)] = []
            for index in 0..<Int.random(in: 1...6, using: &generator) {
                let value: FrontMatter.Value = switch Int.random(in: 0...5, using: &generator) {
                case 0: .int(Int.random(in: -1_000_000...1_000_000, using: &generator))
                case 1: .bool(Bool.random(using: &generator))
                case 2: .null
                case 3: .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in .string(randomText()) })
                case 4: .map([(randomText(), .string(randomText()))])
                default: .string(randomText())
                }
                fields.append(("f\(index)", value))
            }
            cases.append(FrontMatter(fields))
        }

        let parsed = try PyYAML.load(cases.map(\.yaml))
        XCTAssertEqual(parsed.count, cases.count)
        for (frontMatter, result) in zip(cases, parsed) {
            XCTAssertEqual(result, PyYAML.Parsed(.map(frontMatter.fields)), frontMatter.yaml)
        }
    }
}

/// Runs PyYAML's `safe_load` (a YAML 1.1 parser, the strictest common reader) on front-matter blocks.
enum PyYAML {
    /// A parsed value tagged with its YAML type, so `1` and `true` and `"1"` stay distinct.
    indirect enum Parsed: Decodable, Equatable, CustomStringConvertible {
        case string(String), int(Int), bool(Bool), null, list([Parsed]), map([Entry])
        case unexpected(String)

        struct Entry: Decodable, Equatable {
            var key: Parsed
            var value: Parsed

            init(key: Parsed, value: Parsed) {
                self.key = key
                self.value = value
            }

            init(from decoder: Decoder) throws {
                var pair = try decoder.unkeyedContainer()
                key = try pair.decode(Parsed.self)
                value = try pair.decode(Parsed.self)
            }
        }

        init(_ value: FrontMatter.Value) {
            switch value {
            case .string(let s): self = .string(s)
            case .int(let i): self = .int(i)
            case .bool(let b): self = .bool(b)
            case .null: self = .null
            case .list(let items): self = .list(items.map(Parsed.init))
            case .map(let pairs): self = .map(pairs.map { Entry(key: .string($0.0), value: Parsed($0.1)) })
            }
        }

        enum CodingKeys: String, CodingKey { case t, v }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            switch try c.decode(String.self, forKey: .t) {
            case "s": self = .string(try c.decode(String.self, forKey: .v))
            case "i": self = .int(try c.decode(Int.self, forKey: .v))
            case "b": self = .bool(try c.decode(Bool.self, forKey: .v))
            case "n": self = .null
            case "l": self = .list(try c.decode([Parsed].self, forKey: .v))
            case "m": self = .map(try c.decode([Entry].self, forKey: .v))
            default: self = .unexpected(try c.decode(String.self, forKey: .v))
            }
        }

        var description: String { String(reflecting: self) }
    }

    static let script = #"""
    import json, sys, yaml
    def conv(v):
        if isinstance(v, bool): return {"t": "b", "v": v}
        if isinstance(v, int): return {"t": "i", "v": v}
        if isinstance(v, str): return {"t": "s", "v": v}
        if v is None: return {"t": "n"}
        if isinstance(v, list): return {"t": "l", "v": [conv(x) for x in v]}
        if isinstance(v, dict): return {"t": "m", "v": [[conv(k), conv(x)] for k, x in v.items()]}
        return {"t": "?", "v": repr(v)}
    out = []
    for block in sys.stdin.buffer.read().decode("utf-8").split("\0"):
        # A front-matter reader takes the text between the opening and the closing `---` line,
        # so no line inside may look like either end of the block.
        assert block.startswith("---\n") and block.endswith("---\n"), block
        body = block[4:-4]
        assert not any(line.startswith(("---", "...")) for line in body.split("\n")), block
        data = yaml.safe_load(body)
        out.append(conv({} if data is None else data))
    sys.stdout.write(json.dumps(out))
    """#

    /// The project's own Python, where `make test` installs PyYAML, else `python3` on PATH.
    static let python: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let venv = root.appendingPathComponent(".tools/venv/bin/python3").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }()

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func load(_ blocks: [String]) throws -> [Parsed] {
        let probe = run(["-c", "import yaml"], input: Data())
        guard probe.status == 0 else {
            throw Missing(description: "\(python) cannot import PyYAML (`make test` installs it into .tools/venv): \(String(decoding: probe.error, as: UTF8.self))")
        }
        let result = run(["-c", script], input: Data(blocks.joined(separator: "\0").utf8))
        guard result.status == 0 else {
            XCTFail("PyYAML rejected the front matter: \(String(decoding: result.error, as: UTF8.self))")
            return []
        }
        return try JSONDecoder().decode([Parsed].self, from: result.output)
    }

    private static func run(_ arguments: [String], input: Data) -> (status: Int32, output: Data, error: Data) {
        // stdin and stderr go through files, so only stdout is a pipe and nothing can deadlock on a full buffer.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyyaml-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("in"), errorURL = directory.appendingPathComponent("err")
        do {
            try input.write(to: inputURL)
            _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python] + arguments
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            let stdout = Pipe()
            process.standardOutput = stdout
            try process.run()
            let output = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, output, (try? Data(contentsOf: errorURL)) ?? Data())
        } catch {
            return (-1, Data(), Data("\(error)".utf8))
        }
    }
}
