// A generated app depends on ForgeRuntime alone. The types its files name in their own
// signatures come from these three modules, so the runtime re-exports exactly them.
@_exported import Hummingbird
@_exported import Logging
@_exported import SQLKit
