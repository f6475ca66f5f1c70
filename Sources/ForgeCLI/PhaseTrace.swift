import Foundation
import ForgeCore

/// With `FORGE_TRACE=1`, prints how long each phase of a command took, to stderr.
struct PhaseTrace {
    private let enabled = ProcessInfo.processInfo.environment["FORGE_TRACE"] == "1"
    private var last = ContinuousClock.now

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        Console.progress("trace: \(phase) \((now - last).formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
        last = now
    }
}
