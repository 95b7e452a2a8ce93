import Foundation
import Messages

/// What a fetch returned: the body and how the server described it.
public struct FeedResponse: Sendable {
    /// Where it came from.
    public var location: FeedLocation
    /// The HTTP status, or nil for a local file.
    public var status: Int?
    /// The `Content-Type` header, when sent.
    public var contentType: String?
    /// The body, already decompressed.
    public var body: [UInt8]

    /// A response from its parts.
    public init(location: FeedLocation, status: Int?, contentType: String?, body: [UInt8]) {
        self.location = location
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// The body as UTF-8 bytes: charset from a byte-order mark, else `Content-Type`, else UTF-8 (left as is, so a
    /// calendar folded inside a multi-byte character survives); GB18030/GBK and UTF-16 are converted.
    public func utf8Body() throws(FeedError) -> [UInt8] {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(body.dropFirst(3)) }
        let declared = contentType.flatMap(FeedResponse.charset(of:))
        var encoding: String.Encoding?
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16
        } else {
            switch declared {
            case nil, "utf-8", "utf8", "us-ascii", "ascii": return body
            case "gb18030", "gbk", "gb2312", "cp936", "x-gbk": encoding = String.Encoding(rawValue: 0x8000_0632)
            case "utf-16": encoding = .utf16
            case "utf-16le": encoding = .utf16LittleEndian
            case "utf-16be": encoding = .utf16BigEndian
            case "iso-8859-1", "latin1": encoding = .isoLatin1
            default: encoding = nil
            }
        }
        if let encoding, let text = String(data: Data(body), encoding: encoding) { return Array(text.utf8) }
        throw FeedError(
            kind: .undecodable, location: location.redacted,
            Message(.feedBadCharset, ["charset": .text(declared ?? "UTF-16")]))
    }

    static func charset(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'")).lowercased()
            }
        }
        return nil
    }
}
