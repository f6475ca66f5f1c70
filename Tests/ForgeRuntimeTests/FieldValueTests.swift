import Foundation
import ForgeRuntime
import Testing

@Suite struct FieldValueTests {
    @Test func exactDecimalsKeepEveryDigitThroughJSON() throws {
        struct Box: Codable { var amount: ExactDecimal }
        let text = #"{"amount":12345678901234567.8901}"#
        let box = try JSONDecoder().decode(Box.self, from: Data(text.utf8))
        #expect(box.amount.description == "12345678901234567.8901")
        #expect(String(decoding: try JSONEncoder().encode(box), as: UTF8.self) == text)
        let quoted = try JSONDecoder().decode(Box.self, from: Data(#"{"amount":"0.10"}"#.utf8))
        #expect(quoted.amount == ExactDecimal("0.1") && quoted.amount.scale == 1)
        for bad in ["1e5", "abc", "1.", ".5", "--1", ""] {
            #expect(ExactDecimal(bad) == nil, "\(bad)")
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: Data(#"{"amount":"12abc"}"#.utf8)) }
        #expect(ExactDecimal("19.99") < "20" && ExactDecimal(5) == ExactDecimal("5.000"))
    }

    @Test func calendarDatesAndTimesAcceptOnlyRealOnes() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        for bad in ["2023-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1", "2026-01-01T00:00:00Z"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        #expect(TimeOfDay("09:30")?.description == "09:30:00")
        #expect(TimeOfDay("23:59:59") != nil)
        for bad in ["24:00", "9:30", "09:60", "09:30:60", "noon"] {
            #expect(TimeOfDay(bad) == nil, "\(bad)")
        }
    }

    @Test func jsonObjectsRoundTripAndRejectOtherValues() throws {
        struct Box: Codable { var meta: JSONObject }
        let text = #"{"meta":{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}}"#
        let box = try JSONDecoder().decode(Box.self, from: Data(text.utf8))
        #expect(box.meta["c"]["d"] == 2.5)
        let again = try JSONDecoder().decode(Box.self, from: try JSONEncoder().encode(box))
        #expect(again.meta == box.meta)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: Data(#"{"meta":[1,2]}"#.utf8)) }
    }

    /// Found by schemathesis: lengths counted characters, so `e` + U+0301 repeated was half its
    /// JSON Schema length, and past PostgreSQL's `VARCHAR(n)`. They count Unicode scalars.
    @Test func lengthsCountUnicodeScalars() {
        func passes(_ rule: FieldRule<String>, _ value: String) -> Bool {
            var check = Validation()
            check.field("x", value, rule)
            return check.passed
        }
        let combined = String(repeating: "e\u{301}", count: 3)   // 3 characters, 6 scalars
        #expect(!passes(.maxLength(5), combined) && passes(.maxLength(6), combined))
        #expect(passes(.minLength(6), combined) && !passes(.minLength(7), combined))
        #expect(passes(.maxLength(1), "😀"), "one scalar")
        // Blank means Unicode White_Space only; U+001C is a control, not white space.
        #expect(!passes(.notBlank, "\u{3000}\u{85}\t") && passes(.notBlank, "\u{1C}"))
    }

    @Test func formatRulesAcceptAndRejectWhatTheyShould() {
        func passes<Value>(_ rule: FieldRule<Value>, _ value: Value) -> Bool {
            var check = Validation()
            check.field("x", value, rule)
            return check.passed
        }
        let cases: [(FieldRule<String>, [String], [String])] = [
            (.slug, ["a", "my-first-post", "v2-notes"], ["My-Post", "a--b", "-a", "a-", "a b"]),
            (.hexColor, ["#1a2B3c"], ["#123", "123456", "#12345g"]),
            (.phone, ["+44 20 7946 0958", "(555) 010-1234", "5550100"], ["12", "+", "phone", "+1 555 010 1234 5678 9"]),
            (.ipAddress, ["10.0.0.1", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8"],
             ["256.1.1.1", "01.2.3.4", "1.2.3", "1::2::3", "1:2:3:4:5:6:7:8:9", "gggg::1"]),
            (.imagePath, ["images/a.PNG", "https://x.io/a.webp?size=2"], ["images/a.txt", "", "a\u{1}.png"]),
            (.filePath, ["uploads/a.pdf"], ["  ", "a\nb"]),
        ]
        for (rule, good, bad) in cases {
            for value in good { #expect(passes(rule, value), "\(value) should pass") }
            for value in bad { #expect(!passes(rule, value), "\(value) should fail") }
        }
        #expect(passes(.money, ExactDecimal("19.9999")) && !passes(.money, ExactDecimal("19.99999")))
        #expect(passes(.percent, 100) && !passes(.percent, ExactDecimal("100.01")) && !passes(.percent, -1))
        #expect(passes(.int32, 2_147_483_647) && !passes(.int32, 2_147_483_648))
        #expect(passes(.greaterThan(0), 1) && !passes(.greaterThan(0), 0))
        #expect(passes(.lessThan(ExactDecimal("9.99")), ExactDecimal("9.98")) && !passes(.lessThan(ExactDecimal("9.99")), ExactDecimal("9.99")))
    }

    @Test func fakeValuesStayInsideTheirBoundsAndUniqueOnesDiffer() {
        var fake = Fake(seed: 3)
        for index in 1...500 {
            #expect((-5...5).contains(fake.integer(in: -5...5)))
            let money = fake.money(in: "0.01"..."9.99")
            #expect(money >= "0.01" && money <= "9.99" && money.scale <= 2)
            let text = fake.text(length: 3...10, unique: index)
            #expect((3...10).contains(text.count), "\(text)")
            #expect(CalendarDate(fake.date().description) != nil)
        }
        let emails = Set((1...200).map { fake.email(unique: $0) })
        #expect(emails.count == 200)
        var first = Fake(seed: 9), second = Fake(seed: 9)
        #expect(first.uuid() == second.uuid(), "the same seed makes the same values")
    }

    @Test func enumsDecodeTheirValuesAndNameTheValidOnes() throws {
        enum Status: String, FieldEnum { case draft, published }
        #expect(try JSONDecoder().decode([Status].self, from: Data(#"["draft","published"]"#.utf8)) == [.draft, .published])
        do {
            _ = try JSONDecoder().decode([Status].self, from: Data(#"["sold"]"#.utf8))
            Issue.record("decoded an unknown value")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "must be one of draft, published")
        }
    }
}

@Suite struct SeedingTests {
    @Test func insertAllSplitsUnderTheBindLimitAndCountsWhatLanded() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateNotes()]).migrate()
        let drafts = (1...12_345).map { NoteDraft(title: "note \($0)", stars: $0 % 5) }
        let repository = NoteRepository(database: database.sql)
        let inserted = try await database.transaction { db in try await NoteRepository(database: db).insertAll(drafts) }
        #expect(inserted == 12_345)
        #expect(try await repository.count() == 12_345)
        #expect(try await repository.maxID() == 12_345)
        #expect(try await repository.ids(limit: 3) == [1, 2, 3])
        let duplicate = [NoteDraft(title: "note 1", stars: nil)]
        await #expect(throws: (any Error).self) { try await repository.insertAll(duplicate) }
        #expect(try await repository.count() == 12_345)
    }
}
