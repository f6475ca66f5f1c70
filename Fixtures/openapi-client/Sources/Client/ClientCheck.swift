import Foundation
import OpenAPIRuntime
import OpenAPIURLSession

/// Creates, lists and fetches a category through the generated client; prints what it saw and
/// exits non-zero at the first answer that is not the documented success.
@main
struct ClientCheck {
    static func main() async throws {
        guard CommandLine.arguments.count == 2, let server = URL(string: CommandLine.arguments[1]) else {
            print("usage: Client BASE_URL")
            exit(64)
        }
        let client = Client(serverURL: server, transport: URLSessionTransport())
        let title = "Lamps \(UUID().uuidString.prefix(8))"

        let created = try await client.createCategory(body: .json(.init(title: title)))
        guard case .created(let answer) = created else { fail("createCategory: \(created)") }
        let category = try answer.body.json.data
        guard category.title == title else { fail("createCategory stored \(category.title)") }

        let listed = try await client.listCategories(query: .init(perPage: 100))
        guard case .ok(let page) = listed else { fail("listCategories: \(listed)") }
        let rows = try page.body.json.data
        guard rows.contains(where: { $0.id == category.id }) else { fail("listCategories lacks \(category.id)") }

        let shown = try await client.showCategory(path: .init(id: category.id))
        guard case .ok(let one) = shown else { fail("showCategory: \(shown)") }
        guard try one.body.json.data.title == title else { fail("showCategory answered another row") }

        let missing = try await client.showCategory(path: .init(id: 999_999_999))
        guard case .notFound(let notFound) = missing else { fail("showCategory(999999999): \(missing)") }
        let error = try notFound.body.json.error

        print("created, listed and fetched category \(category.id) (\(rows.count) listed, total \(try page.body.json.meta.total)); missing row: \(error.code)")
    }

    static func fail(_ message: String) -> Never {
        print("FAILED: \(message)")
        exit(1)
    }
}
