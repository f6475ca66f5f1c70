import Foundation
import Hummingbird

/// `/health`, `/health/live`, `/health/ready` (asks the database) and `/health/info`.
struct HealthRoutes: RouteRegistrar {
    struct Status: ResponseEncodable, Sendable {
        var status: String
        var checks: [String: String]?
    }

    struct Info: ResponseEncodable, Sendable {
        var name: String
        var environment: String
        var uptimeSeconds: Int
        var runtime: String

        enum CodingKeys: String, CodingKey {
            case name, environment, runtime
            case uptimeSeconds = "uptime_seconds"
        }
    }

    let name: String
    let environment: String
    let database: Database
    let started = Date()

    func register(on routes: Routes) {
        let health = routes.group("/health")
        health.get(handler: "HealthRoutes.health") { _, _ in Status(status: "ok") }
        health.get("live", handler: "HealthRoutes.live") { _, _ in Status(status: "ok") }
        health.get("ready", handler: "HealthRoutes.ready") { _, context in
            do {
                try await database.ping()
                return EditedResponse(status: .ok, response: Status(status: "ok", checks: ["database": "ok"]))
            } catch {
                context.logger.error("readiness check failed", metadata: ["error": "\(error)"])
                return EditedResponse(status: .serviceUnavailable, response: Status(status: "unavailable", checks: ["database": "unreachable"]))
            }
        }
        health.get("info", handler: "HealthRoutes.info") { _, _ in
            Info(name: name, environment: environment, uptimeSeconds: Int(Date().timeIntervalSince(started)), runtime: ForgeRuntimeVersion.current)
        }
    }
}
