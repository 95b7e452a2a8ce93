import Foundation

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

    /// The body as text: charset from a byte-order mark, else `Content-Type`, else UTF-8; GB18030/GBK supported.
    public func text() throws(FeedError) -> String {
        let declared = contentType.flatMap(FeedResponse.charset(of:))
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: body.dropFirst(3), as: UTF8.self) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: Data(body), encoding: .utf16) { return text }
        }
        let encoding: String.Encoding
        switch declared {
        case "gb18030", "gbk", "gb2312", "cp936", "x-gbk": encoding = String.Encoding(rawValue: 0x8000_0632)
        case "utf-16", "utf-16le": encoding = .utf16LittleEndian
        case "utf-16be": encoding = .utf16BigEndian
        case "iso-8859-1", "latin1": encoding = .isoLatin1
        default: encoding = .utf8
        }
        if let text = String(data: Data(body), encoding: encoding) { return text }
        throw FeedError(
            kind: .undecodable, location: location.redacted,
            message: "the body is not valid \(declared ?? "UTF-8") text; ask the feed's owner to serve UTF-8")
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
