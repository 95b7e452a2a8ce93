import Messages

extension Message.Argument {
    /// A travel mode in words: `rail`, `hired car with driver` or `高铁`, `包车（含司机）`.
    public static func mode(_ mode: Mode) -> Message.Argument {
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
