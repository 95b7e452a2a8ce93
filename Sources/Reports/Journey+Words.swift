import Itinerary
import Messages
import Travel

extension Journey.Part {
    /// The service number, or the mode in words for a part without one (`hired car with driver`, `包车（含司机）`).
    func serviceName(_ language: Language) -> String { service ?? Message.Argument.mode(mode).text(language) }

    /// Where the part starts or ends (`end` is its `from` or `to`): a service's stop by name (`stopName`), a drive's
    /// place as the reader says it (`home` or `住处`).
    func endName(_ end: String, language: Language, stopName: (String) -> String) -> String {
        mode.isTimetabled ? stopName(end) : Message.Argument.place(end).text(language)
    }
}
