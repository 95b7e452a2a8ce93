/// How old a cached copy is, as people read it.
public enum FeedAge {
    /// Seconds as people read them: `42 s`, `5 min`, `3 h 12 min`, `2 d 4 h`.
    public static func text(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<3_600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3_600) h \(seconds % 3_600 / 60) min"
        default: return "\(seconds / 86_400) d \(seconds % 86_400 / 3_600) h"
        }
    }
}
