/// Lets one write transaction at a time into SQLite, queueing the rest without blocking threads.
///
/// SQLite allows one writer. Left to its busy handler, a waiting connection blocks one of the
/// few threads that run SQLite calls, and with enough waiters the connection holding the lock
/// cannot get a thread to commit: everyone stalls until the busy timeout. Waiting here, in Swift
/// concurrency, keeps those threads free. Other processes still meet `busy_timeout`.
actor WriteGate {
    private var isHeld = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Runs `work` once no other write holds the gate.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await work()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        guard isHeld else {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            isHeld = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
