#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes → text. Tries, in order: a byte-order mark, strict UTF-8, then GB18030
/// (which also covers GBK and GB2312, the encodings most Chinese files not in UTF-8 use).
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8], path: String) throws(DecodeError) -> DecodedText {
        guard !bytes.isEmpty else { throw DecodeError(path: path, reason: "the file is empty") }
        let (text, encoding): (String, String)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: bytes[3...], as: UTF8.self) else {
                throw DecodeError(path: path, reason: "has a UTF-8 byte-order mark but is not valid UTF-8")
            }
            (text, encoding) = (s, "utf-8-bom")
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = utf16(bytes[2...], littleEndian: little) else {
                throw DecodeError(path: path, reason: "has a UTF-16 byte-order mark but is not valid UTF-16")
            }
            (text, encoding) = (s, little ? "utf-16le" : "utf-16be")
        } else if looksBinary(bytes) {
            throw DecodeError(path: path, reason: "is binary, not text (it holds NUL or control bytes)")
        } else if let s = String(validating: bytes, as: UTF8.self) {
            (text, encoding) = (s, "utf-8")
        } else if let s = Iconv.decode(bytes, from: "GB18030") {
            (text, encoding) = (s, "gb18030")
        } else {
            throw DecodeError(path: path, reason: "is neither UTF-8, UTF-16 nor GB18030 text")
        }
        guard !Self.contains(0, in: text) else {
            throw DecodeError(path: path, reason: "is binary, not text (it holds NUL characters)")
        }
        guard !text.isEmpty else { throw DecodeError(path: path, reason: "the file is empty (only a byte-order mark)") }
        return DecodedText(text: normalisingLineEnds(text), encoding: encoding)
    }

    /// Bytes that `decode` would take as UTF-8 and return unchanged, if they are valid: no
    /// byte-order mark, not binary, no NUL and no CR. The parser validates these itself as it
    /// decodes their lines (`Cleaner.clean(validatingUTF8:)`) instead of in a pass of its own.
    public static func isPlainUTF8Candidate(_ bytes: [UInt8]) -> Bool {
        mayBePlainUTF8(bytes) && bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress!, 0, buffer.count) == nil && memchr(buffer.baseAddress!, 0x0D, buffer.count) == nil
        }
    }

    /// `isPlainUTF8Candidate` but for its search for NUL and CR, which a reader that passes over
    /// every byte anyway makes on its way.
    public static func mayBePlainUTF8(_ bytes: [UInt8]) -> Bool {
        !bytes.isEmpty && !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.starts(with: [0xFF, 0xFE])
            && !bytes.starts(with: [0xFE, 0xFF]) && !looksBinary(bytes)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// NUL bytes or many C0 controls mean the file is not text in any of our encodings
    /// (UTF-16 without a BOM is not supported: it cannot be told from binary reliably).
    private static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = Swift.min(bytes.count, 8192)
        return bytes.withUnsafeBufferPointer { buffer in
            // memchr for NUL, then the count, eight bytes at a time: only a word that holds a byte
            // below 0x20 (in text, a line end) is looked at byte by byte.
            if head > 0, memchr(buffer.baseAddress!, 0, head) != nil { return true }
            var controls = 0
            var i = 0
            let raw = UnsafeRawPointer(buffer.baseAddress)
            while i + 8 <= head {
                let word = raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Non-zero exactly when some byte of the word is below 0x20.
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                    for b in buffer[i..<(i + 8)] where isControl(b) { controls += 1 }
                }
                i += 8
            }
            for b in buffer[i..<head] where isControl(b) { controls += 1 }
            return controls * 100 > head * 2
        }
    }

    /// A C0 control other than the line, tab and page breaks text uses.
    private static func isControl(_ b: UInt8) -> Bool {
        b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C
    }

    /// memchr over the string's UTF-8: the generic `contains` walks it a byte at a time.
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, Int32(byte), $0.count) != nil }
    }

    /// CRLF and lone CR become LF, so line numbers mean the same in every encoding.
    package static func normalisingLineEnds(_ text: String) -> String {
        guard contains(0x0D, in: text) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0D {
                out.append(0x0A)
                previousCR = true
            } else {
                if !(b == 0x0A && previousCR) { out.append(b) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
