import Messages
import Travel

extension Message.Argument {
    /// A travel mode in words: `rail`, `car` or `高铁`, `汽车`.
    static func mode(_ mode: Mode) -> Message.Argument {
        switch mode {
        case .rail: .word(.modeRail)
        case .air: .word(.modeAir)
        case .bus: .word(.modeBus)
        case .taxi: .word(.modeTaxi)
        case .car: .word(.modeCar)
        case .walk: .word(.modeWalk)
        }
    }
}
