import ArgumentParser
import Foundation
import ForgeCore
import ForgeShared

struct RouteList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route:list",
        abstract: "List every route: method, path, handler and where it is registered.",
        discussion: """
        Examples:
          forge route:list
          forge route:list --json
          forge route:list --method POST --path /api/posts
        """
    )

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Only routes with this HTTP method (GET, POST, ...).")
    var method: String?

    @Option(help: "Only routes whose path contains this text.")
    var path: String?

    func run() throws {
        let builder = try AppProcess.builder()
        try builder.buildIfNeeded(log: Console.progress)
        let output = try builder.run(["routes", "--json"])
        guard output.status == 0 else {
            throw ForgeError("the app could not list its routes: \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        let root = builder.project.root.path + "/"
        let routes = try JSONDecoder().decode([RouteInfo].self, from: Data(output.stdout.utf8)).map { route in
            var route = route
            if route.file.hasPrefix(root) { route.file.removeFirst(root.count) }
            return route
        }.filter { (route: RouteInfo) -> Bool in
            (method.map { route.method.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (path.map { route.path.contains($0) } ?? true)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(routes), as: UTF8.self))
            return
        }
        let rows = [["METHOD", "PATH", "HANDLER", "MIDDLEWARE", "SOURCE"]] + routes.map { route in
            [route.method, route.path, route.handler, route.middleware.isEmpty ? "-" : route.middleware.joined(separator: ","),
             route.file.hasPrefix("/") ? "(runtime)" : "\(route.file):\(route.line)"]
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let line = row.enumerated().map { column, cell in
                column == 4 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            Console.out(index == 0 ? Console.dim(line) : line)
        }
    }
}
