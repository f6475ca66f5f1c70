import ForgeCore
import Foundation
import Testing

@Suite struct NamingTests {
    @Test(arguments: [
        ("post", "posts"), ("category", "categories"), ("person", "people"), ("quiz", "quizzes"),
        ("day", "days"), ("key", "keys"), ("status", "statuses"), ("box", "boxes"), ("church", "churches"),
        ("knife", "knives"), ("hero", "heroes"), ("photo", "photos"), ("sheep", "sheep"), ("blog_post", "blog_posts"),
    ])
    func pluralizes(singular: String, plural: String) {
        #expect(Inflector().plural(singular) == plural)
    }

    @Test func projectIrregularsWin() {
        #expect(Inflector(custom: ["cactus": "cactuses"]).plural("cactus") == "cactuses")
    }

    @Test func derivesEveryNameOfAResource() throws {
        let names = try ResourceName("BlogPost")
        #expect(names.table == "blog_posts")
        #expect(names.path == "blog-posts")
        #expect(names.plural == "BlogPosts")
        #expect(names.variable == "blogPost")
        #expect(names.pluralVariable == "blogPosts")
        #expect(try ResourceName("Person").table == "people")
        #expect(try ResourceName("Category").path == "categories")
    }

    @Test func rejectsBadResourceNamesWithASuggestion() {
        #expect { try ResourceName("blog-post") } throws: { ($0 as? FieldSpecError)?.suggestion == "BlogPost" }
        #expect { try ResourceName("post") } throws: { ($0 as? FieldSpecError)?.suggestion == "Post" }
        #expect { try ResourceName("123Post") } throws: { ($0 as? FieldSpecError)?.code == .invalidResourceName }
        #expect { try ResourceName("String") } throws: { ($0 as? FieldSpecError)?.code == .reservedName }
    }

    @Test func validatesAppNames() throws {
        try AppNames.validate("shop")
        try AppNames.validate("my-shop2")
        #expect(throws: ForgeError.self) { try AppNames.validate("My Shop") }
        #expect(throws: ForgeError.self) { try AppNames.validate("app") }
        #expect(AppNames.appType("my-shop") == "MyShopApp")
    }

    @Test func namesMigrationsByTimestamp() {
        let date = Date(timeIntervalSince1970: 1_764_072_000) // 2025-11-25 12:00:00 UTC
        #expect(MigrationName.make("create_posts", at: date) == "2025_11_25_120000_create_posts")
        #expect(MigrationName.typeName("2025_11_25_120000_create_blog_posts") == "CreateBlogPosts")
    }
}

@Suite struct MigrationStampTests {
    @Test(arguments: [
        (0.0, "1970_01_01_000000"), (951_782_400.0, "2000_02_29_000000"), (1_764_072_000.0, "2025_11_25_120000"),
        (1_798_761_599.0, "2026_12_31_235959"), (-86_401.0, "1969_12_30_235959"), (4_107_542_400.0, "2100_03_01_000000"),
    ])
    func stampsInUTC(seconds: Double, stamp: String) {
        #expect(MigrationName.make("x", at: Date(timeIntervalSince1970: seconds)) == stamp + "_x")
    }
}
