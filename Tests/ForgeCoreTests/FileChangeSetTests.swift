import ForgeCore
import Foundation
import Testing

@Suite(.serialized) struct FileChangeSetTests {
    /// The paths of `paths` other than forge's checksum record.
    private func userPaths(_ paths: [String]) -> [String] {
        paths.filter { $0 != Checksums.path }
    }

    private func read(_ root: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesNewFilesRecordsThemAndThenReportsThemUnchanged() throws {
        let root = try makeScratchDirectory()
        let files = [GeneratedFile(path: "Sources/A.swift", contents: "a"), GeneratedFile(path: "b.txt", contents: "b")]
        let first = try FileChangeSet(root: root, files: files).apply()
        #expect(first.created == ["Sources/A.swift", "b.txt", Checksums.path])
        #expect(Checksums.load(root: root).digests == ["Sources/A.swift": SHA256.hex("a"), "b.txt": SHA256.hex("b")])
        let before = snapshot(root)
        let second = try FileChangeSet(root: root, files: files).apply()
        #expect(!second.changedAnything)
        #expect(second.unchanged.count == 3)
        #expect(snapshot(root) == before)
    }

    @Test func refreshesAFileItGeneratedAndNobodyEdited() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "version 1")]).apply()
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "version 2")]).apply()
        #expect(userPaths(outcome.updated) == ["A.swift"])
        #expect(outcome.conflicts.isEmpty)
        #expect(read(root, "A.swift") == "version 2")
        #expect(Checksums.load(root: root).isPristine("A.swift", contents: Data("version 2".utf8)))
    }

    @Test func reportsAnEditedFileAsAConflictAndWritesNothingWithoutForce() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "original")]).apply()
        try Data("edited by hand".utf8).write(to: root.appendingPathComponent("A.swift"))
        let before = snapshot(root)
        let changed = [GeneratedFile(path: "A.swift", contents: "regenerated"), GeneratedFile(path: "New.swift", contents: "new")]
        #expect(FileChangeSet(root: root, files: changed).plan().conflicts == ["A.swift"])
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: changed).apply() }
        #expect(snapshot(root) == before)
        let forced = try FileChangeSet(root: root, files: changed, force: true).apply()
        #expect(userPaths(forced.updated) == ["A.swift"])
        #expect(read(root, "A.swift") == "regenerated")
    }

    @Test func mergesForgesChangeIntoAFileTheUserEditedAndKeepsTheEdit() throws {
        let root = try makeScratchDirectory()
        let original = "struct Post {\n    var title: String\n}\n\nextension Post {\n}\n"
        try FileChangeSet(root: root, files: [GeneratedFile(path: "Post.swift", contents: original)]).apply()
        #expect(read(root, BaseStore.path(of: "Post.swift")) == original)
        let edited = original.replacingOccurrences(of: "extension Post {\n}", with: "extension Post {\n    var shout: String { title.uppercased() }\n}")
        try Data(edited.utf8).write(to: root.appendingPathComponent("Post.swift"))
        let regenerated = original.replacingOccurrences(of: "    var title: String\n", with: "    var title: String\n    var body: String\n")
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "Post.swift", contents: regenerated)]).apply()
        #expect(outcome.merged == ["Post.swift"])
        #expect(outcome.conflicts.isEmpty)
        #expect(read(root, "Post.swift") == "struct Post {\n    var title: String\n    var body: String\n}\n\nextension Post {\n    var shout: String { title.uppercased() }\n}\n")
        // The next base is the new render, and the merged file still counts as edited.
        #expect(read(root, BaseStore.path(of: "Post.swift")) == regenerated)
        #expect(!Checksums.load(root: root).isPristine("Post.swift", contents: Data(read(root, "Post.swift")!.utf8)))
        let again = try FileChangeSet(root: root, files: [GeneratedFile(path: "Post.swift", contents: regenerated)]).apply()
        #expect(!again.changedAnything)
    }

    @Test func collidingEditsAreAConflictNamingTheHunkAndMarkersOnlyWhenAsked() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "let a = 1\nlet b = 2\n")]).apply()
        try Data("let a = 10\nlet b = 2\n".utf8).write(to: root.appendingPathComponent("A.swift"))
        let before = snapshot(root)
        let changed = [GeneratedFile(path: "A.swift", contents: "let a = 100\nlet b = 2\n"), GeneratedFile(path: "B.swift", contents: "b")]
        let plan = FileChangeSet(root: root, files: changed).plan()
        #expect(plan.conflicts == ["A.swift"])
        #expect(plan.hunks["A.swift"]?.map(\.line) == [1])
        #expect(plan.hunks["A.swift"]?.first?.text.contains("let a = 10\n=======\nlet a = 100") == true)
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: changed).apply() }
        #expect(snapshot(root) == before)
        let marked = try FileChangeSet(root: root, files: changed, writeConflictMarkers: true).apply()
        #expect(marked.markersWritten)
        #expect(read(root, "A.swift")?.hasPrefix("<<<<<<< A.swift (yours)\nlet a = 10\n=======\nlet a = 100\n>>>>>>> A.swift (as forge writes it now)\n") == true)
        #expect(read(root, "B.swift") == "b")
    }

    @Test func aFileForgeNeverWroteIsTheUsers() throws {
        let root = try makeScratchDirectory()
        try Data("hand-written".utf8).write(to: root.appendingPathComponent("A.swift"))
        #expect(FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "generated")]).plan().conflicts == ["A.swift"])
    }

    @Test func rewritesForgeOwnedFilesFreely() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "forge.yaml", contents: "v1", ownership: .forge)]).apply()
        try Data("hand-edited".utf8).write(to: root.appendingPathComponent("forge.yaml"))
        let outcome = try FileChangeSet(root: root, files: [GeneratedFile(path: "forge.yaml", contents: "v2", ownership: .forge)]).apply()
        #expect(outcome.updated == ["forge.yaml"])
    }

    @Test func aFailedWriteLeavesTheTreeByteIdentical() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [
            GeneratedFile(path: "keep.txt", contents: "keep"),
            GeneratedFile(path: "registry.swift", contents: "old", ownership: .forge),
        ]).apply()
        // "keep.txt/child" cannot be created because keep.txt is a file: the set must fail whole.
        let before = snapshot(root)
        let files = [
            GeneratedFile(path: "registry.swift", contents: "new", ownership: .forge),
            GeneratedFile(path: "Sources/Deep/New.swift", contents: "new"),
            GeneratedFile(path: "keep.txt/child", contents: "impossible"),
        ]
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: files).apply() }
        #expect(snapshot(root) == before)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources").path))
    }

    @Test func planAndDiffWriteNothing() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "one\ntwo\nthree\n")]).apply()
        let before = snapshot(root)
        let changes = FileChangeSet(root: root, files: [
            GeneratedFile(path: "A.swift", contents: "one\n2\nthree\n"),
            GeneratedFile(path: "B.swift", contents: "new\n"),
        ])
        let outcome = changes.plan()
        #expect(outcome.created == ["B.swift"])
        #expect(userPaths(outcome.updated) == ["A.swift"])
        let diff = changes.diff(outcome)
        #expect(diff.contains("--- a/A.swift\n+++ b/A.swift\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"))
        #expect(diff.contains("--- /dev/null\n+++ b/B.swift\n@@ -0,0 +1 @@\n+new\n"))
        #expect(snapshot(root) == before)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite(.serialized) struct FileDeletionTests {
    private func read(_ root: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func deletesWhatForgeWroteAndNobodyEditedWithItsBaseAndChecksum() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "a"), GeneratedFile(path: "B.swift", contents: "b")]).apply()
        let outcome = try FileChangeSet(root: root, files: [], deletions: ["A.swift", "Missing.swift"]).apply()
        #expect(outcome.deleted == ["A.swift"])
        #expect(read(root, "A.swift") == nil && read(root, BaseStore.path(of: "A.swift")) == nil)
        #expect(Checksums.load(root: root).digests.keys.sorted() == ["B.swift"])
        #expect(read(root, "B.swift") == "b")
    }

    @Test func anEditedFileIsNotDeletedWithoutForce() throws {
        let root = try makeScratchDirectory()
        try FileChangeSet(root: root, files: [GeneratedFile(path: "A.swift", contents: "a")]).apply()
        try Data("mine".utf8).write(to: root.appendingPathComponent("A.swift"))
        let before = snapshot(root)
        #expect(throws: ForgeError.self) { try FileChangeSet(root: root, files: [], deletions: ["A.swift"]).apply() }
        #expect(snapshot(root) == before)
        #expect(try FileChangeSet(root: root, files: [], deletions: ["A.swift"], force: true).apply().deleted == ["A.swift"])
        #expect(read(root, "A.swift") == nil)
    }
}
