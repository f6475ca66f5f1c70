import Foundation
import Testing

/// One resource using every type and rule of the spec language (Fixtures/every-type.specs):
/// the app builds without warnings, passes its generated tests, migrates, and over real HTTP
/// round-trips every type and answers each rule's violation with a 422 naming the field.
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct EveryTypeAppTests {
    /// A valid product; `n` keeps its unique fields distinct from every other body's.
    static func product(_ n: Int, category: Int) -> [String: Any] {
        [
            "name": "Lamp \(n)", "description": "A lamp for reading.", "quantity": 3, "stock_total": 9_000_000_000,
            "weight": 1.5, "ratio": 0.125, "price": 19.99, "discount": 12.5, "active": false,
            "launched_at": "2026-03-01T09:30:00Z", "release_on": "2026-02-28", "opens_at": "09:30:00",
            "support_email": "help\(n)@example.com", "website": "https://example.com/lamp", "sku": String(format: "6F9619FF-8B86-4011-B42D-%012X", n),
            "attributes": ["colour": "brass", "bulbs": 2, "tags": ["desk", "reading"], "dimmable": true],
            "phone": "+44 20 7946 0958", "slug": "lamp-\(n)", "server_ip": "2001:db8::1", "color": "#aabbcc",
            "manual": "uploads/lamp.pdf", "photo": "images/lamp.webp", "status": "active",
            "category_id": category, "owner_id": category,
        ]
    }

    /// Each rule's violation: the field, a value that breaks it, and why.
    static var violations: [(field: String, value: Any, rule: String)] { [
        ("name", "x", "min:2"), ("name", String(repeating: "n", count: 121), "max:120"), ("name", "  ", "required, blank"),
        ("description", String(repeating: "d", count: 5001), "max:5000"),
        ("quantity", -1, "min:0"), ("quantity", 3_000_000_000, "integer is 32-bit"), ("quantity", "three", "integer type"),
        ("stock_total", -1, "ge:0"), ("weight", 0, "gt:0"), ("weight", 1000, "lt:1000"), ("ratio", "1e5", "decimal format"),
        ("price", -0.01, "ge:0"), ("price", 10000, "le:9999.99"), ("price", 1.23456, "money has 4 places"),
        ("discount", 100.5, "percent is 0-100"), ("active", "yes", "boolean type"), ("launched_at", "yesterday", "datetime"),
        ("release_on", "2026-02-30", "date"), ("opens_at", "25:00", "time"), ("support_email", "help.example.com", "email"),
        ("website", "ftp://example.com", "url"), ("sku", "not-a-uuid", "uuid"), ("attributes", [1, 2], "json object"),
        ("phone", "12", "phone"), ("slug", "Not A Slug", "slug"), ("server_ip", "999.1.1.1", "ip"), ("color", "red", "color"),
        ("manual", "\u{1}", "file"), ("photo", "images/lamp.txt", "image"), ("status", "sold", "enum"),
        ("category_id", 999_999, "foreign key"), ("owner_id", 999_999, "foreign key"),
    ] }

    @Test func everyTypeRoundTripsAndEveryRuleIsEnforced() async throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "every-type", app: "shop")
        let app = folder.appendingPathComponent("shop")
        let created = try runCommand([forge, "new", "shop"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "shop")
        let specs = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/every-type.specs"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let category = try runCommand([forge, "make:resource", "Category", "-f", "title:string:required,max:80"], in: app)
        #expect(category.status == 0, "\(category.output)")
        let product = try runCommand([forge, "make:resource", "Product"] + specs.flatMap { ["-f", $0] }, in: app)
        #expect(product.status == 0, "\(product.output)")

        // Single layers regenerate from the fields stored in forge.yaml.
        try FileManager.default.removeItem(at: app.appendingPathComponent("Sources/App/Factories/ProductFactory.swift"))
        let factory = try runCommand([forge, "make:factory", "Product"], in: app)
        #expect(factory.status == 0 && factory.output.contains("create Sources/App/Factories/ProductFactory.swift"), "\(factory.output)")
        for layer in ["make:factory", "make:test", "make:request", "make:seeder"] {
            let again = try runCommand([forge, layer, "Product"], in: app)
            #expect(again.status == 0 && again.output.contains("up to date"), "\(layer): \(again.output)")
        }
        let unknown = try runCommand([forge, "make:factory", "Prodcut"], in: app)
        #expect(unknown.status != 0 && unknown.output.contains("did you mean 'Product'?"), "\(unknown.output)")

        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        let migrated = try runCommand([forge, "db:migrate"], in: app)
        #expect(migrated.status == 0, "\(migrated.output)")

        let server = try await LiveServer.start(forge: forge, app: app, environment: ["RATE_LIMIT": "off"])
        defer { server.stop() }
        let base = server.base

        let parent = try await request("POST", "\(base)/api/categories", json: ["title": "Lighting"])
        let categoryID = try #require(parent["data", "id"] as? Int)

        // Create, then read back: every value equal to what was sent.
        let body = Self.product(1, category: categoryID)
        let saved = try await request("POST", "\(base)/api/products", json: body)
        #expect(saved.status == 201, "\(saved.json ?? "")")
        let id = try #require(saved["data", "id"] as? Int)
        let shown = try await request("GET", "\(base)/api/products/\(id)")
        for (field, sent) in body {
            #expect(canonicalJSON(shown["data", field]) == canonicalJSON(sent), "\(field): sent \(sent), read back \(shown["data", field] ?? "nothing")")
        }
        #expect(canonicalJSON(shown["data", "price"]) == "19.99", "money is exact")

        // A duplicate unique value is a 409 naming the field.
        let duplicate = try await request("POST", "\(base)/api/products", json: Self.product(1, category: categoryID))
        #expect(duplicate.status == 409)
        #expect(duplicate["error", "fields", "name"] != nil, "\(duplicate.json ?? "")")

        // Every rule's violation is a 422 naming the field, on create.
        for (index, violation) in Self.violations.enumerated() {
            var bad = Self.product(100 + index, category: categoryID)
            bad[violation.field] = violation.value
            let response = try await request("POST", "\(base)/api/products", json: bad)
            #expect(response.status == 422, "\(violation.field) \(violation.rule): \(response.status) \(response.json ?? "")")
            #expect(response["error", "fields", violation.field] != nil, "\(violation.field) \(violation.rule): \(response.json ?? "")")
        }
        var missing = Self.product(200, category: categoryID)
        missing["price"] = nil
        let withoutPrice = try await request("POST", "\(base)/api/products", json: missing)
        #expect(withoutPrice.status == 422 && (withoutPrice["error", "fields", "price"] as? [String]) == ["is required"])

        // ...and on update, where only the fields present are checked by the same rules.
        let patched = try await request("PATCH", "\(base)/api/products/\(id)", json: ["price": 25.5, "status": "archived"])
        #expect(patched.status == 200)
        #expect(canonicalJSON(patched["data", "price"]) == "25.5" && patched["data", "name"] as? String == "Lamp 1")
        for (field, value) in [("price", -1), ("discount", 101), ("status", "sold"), ("category_id", 999_999)] as [(String, Any)] {
            let response = try await request("PATCH", "\(base)/api/products/\(id)", json: [field: value])
            #expect(response.status == 422 && response["error", "fields", field] != nil, "PATCH \(field): \(response.json ?? "")")
        }

        // Exact decimals sort and filter as numbers.
        _ = try await request("POST", "\(base)/api/products", json: Self.product(2, category: categoryID).merging(["price": 100]) { _, new in new })
        let byPrice = try await request("GET", "\(base)/api/products?sort=-price")
        #expect(canonicalJSON(byPrice["data", "0", "price"]) == "100")
        let cheap = try await request("GET", "\(base)/api/products?filter%5Bprice%5D%5Blt%5D=50")
        #expect(cheap["meta", "total"] as? Int == 1)
        let typed = try await request("GET", "\(base)/api/products?filter%5Brelease_on%5D%5Bgte%5D=2026-02-28&filter%5Bopens_at%5D=09:30:00"
            + "&filter%5Bsku%5D=\(body["sku"]!)")
        #expect(typed["meta", "total"] as? Int == 1, "\(typed.json ?? "")")

        // Seeders insert factory rows that pass the model's rules, batched, and report the count.
        let before = try await request("GET", "\(base)/api/products/count")
        let seeded = try runCommand([forge, "db:seed", "--seeder", "Product", "--count", "500"], in: app)
        #expect(seeded.status == 0 && seeded.output.contains("Product: 500 rows"), "\(seeded.output)")
        let after = try await request("GET", "\(base)/api/products/count")
        #expect((after["data", "count"] as? Int ?? 0) - (before["data", "count"] as? Int ?? 0) == 500)
        let all = try runCommand([forge, "db:seed", "--count", "5"], in: app)
        #expect(all.status == 0 && all.output.contains("Category: 5 rows") && all.output.contains("Product: 5 rows"), "\(all.output)")
    }
}
