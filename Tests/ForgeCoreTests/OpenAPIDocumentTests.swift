import ForgeShared
import Foundation
import Testing
@testable import ForgeCore

/// The OpenAPI document forge derives from forge.yaml: rules as schema keywords, every route,
/// and patterns that accept exactly what the runtime's checks accept.
struct OpenAPIDocumentTests {
    func document(_ specs: [String], protected: Bool = false) throws -> JSONNode {
        let plan = try ResourceGenerator(manifest: Manifest(appName: "shop", auth: true), templates: builtInTemplates)
            .plan(name: "Product", specs: specs, protected: protected, date: Date(timeIntervalSince1970: 1_764_072_000))
        return try OpenAPIDocument(manifest: plan.manifest).node()
    }

    @Test func everyRuleBecomesItsKeyword() throws {
        let doc = try document(["name:string:required,min:2,max:120", "weight:float:gt:0,lt:1000", "price:money:required,ge:0,le:9999.99",
                                "status:enum/draft/live:default:draft", "note:text:nullable"])
        let create = try #require(doc["components"]?["schemas"]?["ProductCreate"])
        #expect(create["required"] == ["name", "price"])
        let name = try #require(create["properties"]?["name"])
        #expect(name["minLength"] == 2 && name["maxLength"] == 120 && name["type"] == "string")
        #expect(name["pattern"] == .string(TextFormat.notBlankPattern), "required text may not be blank")
        let weight = try #require(create["properties"]?["weight"])
        #expect(weight["exclusiveMinimum"] == .number(0) && weight["exclusiveMaximum"] == .number(1000) && weight["type"] == ["number", "null"])
        let price = try #require(create["properties"]?["price"])
        #expect(price["minimum"] == .number(0) && price["maximum"] == 9999.99 && price["multipleOf"] == 0.0001 && price["type"] == "number")
        let status = try #require(create["properties"]?["status"])
        #expect(status["enum"] == ["draft", "live", .null] && status["default"] == "draft")
        let response = try #require(doc["components"]?["schemas"]?["Product"])
        #expect(response["properties"]?["id"]?["readOnly"] == true && response["properties"]?["created_at"]?["format"] == "date-time")
        #expect(response["properties"]?["note"]?["type"] == ["string", "null"] && response["properties"]?["name"]?["type"] == "string")
        let update = try #require(doc["components"]?["schemas"]?["ProductUpdate"])
        #expect(update["required"] == nil, "an update body requires nothing")
    }

    @Test func everyRouteIsDescribedWithItsStatuses() throws {
        let doc = try document(["name:string:required,unique"], protected: true)
        let paths = try #require(doc["paths"])
        #expect(paths.keys.contains("/api/products/{id}") && paths.keys.contains("/api/auth/login") && paths.keys.contains("/health/ready"))
        let create = try #require(paths["/api/products"]?["post"])
        #expect(create["responses"]?.keys == ["201", "400", "401", "409", "413", "422", "429"])
        #expect(create["security"] == [["bearerAuth": []]])
        #expect(paths["/api/products/{id}"]?["delete"]?["responses"]?.keys.first == "204")
        let list = try #require(paths["/api/products"]?["get"]?["parameters"])
        guard case .array(let references) = list else { Issue.record("no list parameters"); return }
        #expect(references.contains(["$ref": "#/components/parameters/products.filter.name.ne"]))
        #expect(doc["components"]?["parameters"]?["per_page"]?["schema"]?["maximum"] == 100)
        // A create's answer links to what can be done with the new row.
        let links = try #require(doc["components"]?["responses"]?["ProductCreated"]?["links"])
        #expect(links.keys == ["showProduct", "replaceProduct", "updateProduct", "deleteProduct"])
        #expect(links["showProduct"]?["parameters"] == ["id": "$response.body#/data/id"])
    }

    /// `make:*`, `alter` and `destroy` each write the app's copy of the document, from the
    /// manifest they leave behind.
    @Test func everyCommandKeepsTheAppsCopyCurrent() throws {
        let date = Date(timeIntervalSince1970: 1_764_072_000)
        let made = try ResourceGenerator(manifest: Manifest(appName: "shop"), templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required"], date: date)
        func embedded(_ plan: GenerationPlan) throws -> String {
            try #require(plan.files.first { $0.path == ProjectFiles.openAPIPath }?.contents)
        }
        #expect(try embedded(made).contains(try OpenAPIDocument(manifest: made.manifest).render(.json)))
        let altered = try ResourceGenerator(manifest: made.manifest, templates: builtInTemplates)
            .alter(name: "Post", ResourceAlteration(add: ["subtitle:string:max:80"]), date: date.addingTimeInterval(60))
        #expect(try embedded(altered).contains(#""subtitle": {"#))
        let destroyed = try ResourceGenerator(manifest: altered.manifest, templates: builtInTemplates)
            .destroy(name: "Post", applied: nil, date: date.addingTimeInterval(120))
        let after = try embedded(destroyed.plan)
        #expect(!after.contains("/api/posts") && after.contains("/health/ready"))
    }

    @Test func rendersTheSameTreeAsJSONAndYAML() throws {
        let doc = try document(["name:string:required", "at:datetime"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.json.utf8)) as? NSDictionary)
        #expect(json["openapi"] as? String == "3.1.0")
        #expect(doc.yaml.hasPrefix("openapi: \"3.1.0\"\n"))
        // Escapes survive both writers: quotes, control characters, the line separators, UTF-8.
        let tricky = "a\"b\\c\nd\u{1}e\u{7F}f\u{85}g\u{2028}h\u{2029}i©é€😀\u{C2}"
        let node: JSONNode = ["text": .string(tricky), "list": [.string(tricky), 1, 2.5, true, .null]]
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(node.json.utf8)) as? [String: Any])
        #expect(decoded["text"] as? String == tricky)
        #expect(node.json.contains("\\u0085") && node.json.contains("\\u2028") && node.json.contains("\\u007f"))
        #expect(try OpenAPIDocument(manifest: Manifest(appName: "shop")).render(.json) == OpenAPIDocument(manifest: Manifest(appName: "shop")).render(.json))
    }

    /// Each format's pattern accepts exactly what its check accepts, over valid, invalid and
    /// Unicode-tricky samples (combining marks, full-width digits, other white space).
    @Test(arguments: TextFormat.allCases)
    func patternsAgreeWithTheChecks(format: TextFormat) throws {
        let samples = ["", " ", "a", "a@b.co", "a@b", "a@@b.co", "é@x.io", "a b@x.io", "a@x..io", "https://x.io", "HTTP://x.io/a?b#c", "https:///x", "ftp://x.io",
                       "http://x\u{3000}y", "my-post-1", "My-post", "a--b", "-a", "#aabbcc", "#AABBC", "#ａabbcc", "+44 20 7946 0958", "(020) 7946-0958", "12",
                       "1234567890123456", "192.0.2.1", "01.2.3.4", "256.1.1.1", "::", "::1", "2001:db8::1", "1::2::3", "::ffff:192.0.2.1", "1.2.3.4::",
                       "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:1.2.3.4", "6f9619ff-8b86-4011-b42d-00c04fc964ff", "6F9619FF8B864011B42D00C04FC964FF",
                       "2026-01-31", "2026-13-01", "2026-1-31", "09:30", "09:30:15", "24:00", "9:30", "uploads/a.pdf", "a\u{0}b", "\t", "photo.PNG", "photo.png?x=1",
                       "photo.txt", "e\u{301}", "\u{85}", "a\u{2028}b", "１２３４５６７"]
        let regex = try NSRegularExpression(pattern: format.pattern)
        for sample in samples where format != .date || CalendarText.date(sample) != nil || !(regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil) {
            let matches = regex.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil
            #expect(matches == (format.problem(sample) == nil), "\(format) \(sample.debugDescription): pattern \(matches), check \(format.problem(sample) == nil)")
        }
    }

    @Test func readsRFC3339DateTimes() {
        #expect(CalendarText.dateTime("1970-01-01T00:00:00Z") == 0)
        #expect(CalendarText.dateTime("1970-01-01t01:00:00+01:00") == 0)
        #expect(CalendarText.dateTime("2026-01-31T09:30:00.5-23:59") == 1_769_851_800.5 + 86_340)
        #expect(CalendarText.dateTime("0656-12-25T10:16:59.694645012+21:05") != nil)
        for bad in ["2026-02-30T00:00:00Z", "2026-01-31 09:30:00Z", "2026-01-31T09:30:00", "2026-01-31T24:00:00Z", "2026-01-31T09:30:60Z", "2026-01-31T09:30:00+24:00"] {
            #expect(CalendarText.dateTime(bad) == nil, "\(bad)")
        }
    }
}
